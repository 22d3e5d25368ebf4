import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { BOUNDS, DEFAULT_PAGE_SIZE, MAX_LENGTH, type CursorQuery, type ListQuery } from '@impact/contracts';

/** `page` and `pageSize`: every list pages the same way. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(BOUNDS.page.min)
  @Max(BOUNDS.page.max)
  page?: number;

  @ApiPropertyOptional({ minimum: BOUNDS.pageSize.min, maximum: BOUNDS.pageSize.max, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(BOUNDS.pageSize.min)
  @Max(BOUNDS.pageSize.max)
  pageSize?: number;
}

/** `page`, `pageSize`, `sort`, `q`: what every list takes (docs/api.md, "Lists"). */
export class ListQueryDto extends PageQueryDto implements ListQuery {
  @ApiPropertyOptional({ description: '`<field>:<asc|desc>`' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z]+(:(asc|desc))?$/, { message: 'sort must look like field:asc or field:desc' })
  sort?: string;

  @ApiPropertyOptional({ description: `Text search (any language); at most ${MAX_LENGTH.search} characters.` })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.search)
  q?: string;
}

/** A list that pages by cursor too: `after`, a `nextCursor` it gave (docs/api.md, "Lists"). */
export class CursorListQueryDto extends ListQueryDto implements CursorQuery {
  @ApiPropertyOptional({ description: 'A `nextCursor` of this list with the same sort: the page after it (not with `page`).' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.cursor)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'after must be a nextCursor this list gave' })
  after?: string;
}

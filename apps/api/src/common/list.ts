import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type ListQuery } from '@impact/contracts';

/** `page`, `pageSize`, `sort`, `q`: what every list takes (docs/api.md, "Lists"). */
export class ListQueryDto implements ListQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;

  @ApiPropertyOptional({ description: '`<field>:<asc|desc>`' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z]+(:(asc|desc))?$/, { message: 'sort must look like field:asc or field:desc' })
  sort?: string;

  @ApiPropertyOptional({ description: 'Text search (any language); at most 200 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

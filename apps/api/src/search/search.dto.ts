import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { MAX_LENGTH, SEARCH_LIMIT, SEARCH_MIN_CHARS, type SearchQuery } from '@impact/contracts';

export class SearchQueryDto implements SearchQuery {
  @ApiProperty({ minLength: SEARCH_MIN_CHARS, maxLength: MAX_LENGTH.search, description: 'Words of a name, title or text (any language)' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(SEARCH_MIN_CHARS)
  @MaxLength(MAX_LENGTH.search)
  q!: string;

  @ApiPropertyOptional({
    minimum: SEARCH_LIMIT.min,
    maximum: SEARCH_LIMIT.max,
    default: SEARCH_LIMIT.default,
    description: 'Items per kind',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(SEARCH_LIMIT.min)
  @Max(SEARCH_LIMIT.max)
  limit?: number;
}

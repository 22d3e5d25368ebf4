import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import {
  BOUNDS,
  LANGUAGES,
  MAX_ITEMS,
  MAX_LENGTH,
  STORY_CATEGORIES,
  STORY_STATUSES,
  type CreateStoryRequest,
  type DraftFromCommitmentRequest,
  type Language,
  type PublicStoryQuery,
  type Quote,
  type SensitivityAnswers,
  type StoryFigureWordings,
  type StoryCategory,
  type StoryFilters,
  type StoryStatus,
  type StoryTransitionRequest,
  type UpdateStoryRequest,
} from '@impact/contracts';
import { Line, MaxChars, NestedObject, NestedObjects, OptionalNotNull, Uuids } from '../../common/dto';

export class QuoteDto implements Quote {
  @ApiProperty() @IsString() @MinLength(1, { message: 'Enter the quote.' }) @MaxChars(MAX_LENGTH.story.quoteText) text!: string;
  @ApiProperty() @IsString() @MinLength(1, { message: 'Say who said it.' }) @Line(MAX_LENGTH.story.quoteAttribution) attribution!: string;
}

export class SensitivityAnswersDto implements Partial<SensitivityAnswers> {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() consentForNamedPeople?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() noDetailsExposingIndividuals?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() cityAgreedToPublication?: boolean;
}

/** What a story says and links beyond its title and category, the same whether it is being created or changed: every field optional. */
class StoryContentDto {
  @OptionalNotNull() @Uuids(MAX_ITEMS.story.cityIds) cityIds?: string[];
  @ApiPropertyOptional() @OptionalNotNull() @IsString() @MaxChars(MAX_LENGTH.story.body) body?: string;
  @ApiPropertyOptional({ type: [QuoteDto] })
  @OptionalNotNull()
  @NestedObjects(() => QuoteDto, MAX_ITEMS.story.quotes)
  quotes?: QuoteDto[];
  @OptionalNotNull() @Uuids(MAX_ITEMS.story.engagementIds) engagementIds?: string[];
  @OptionalNotNull() @Uuids(MAX_ITEMS.story.commitmentIds) commitmentIds?: string[];
  @OptionalNotNull() @Uuids(MAX_ITEMS.story.outcomeIds) outcomeIds?: string[];
  @ApiPropertyOptional({ enum: LANGUAGES }) @OptionalNotNull() @IsIn(LANGUAGES) language?: Language;
}

export class CreateStoryDto extends StoryContentDto implements CreateStoryRequest {
  @ApiProperty() @IsString() @MinLength(1, { message: 'Enter a title.' }) @Line(MAX_LENGTH.story.title) title!: string;
  @ApiProperty({ enum: STORY_CATEGORIES }) @IsIn(STORY_CATEGORIES) category!: StoryCategory;
  @ApiPropertyOptional() @OptionalNotNull() @IsUUID() hubId?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsUUID() translationOf?: string | null;
}

export class UpdateStoryDto extends StoryContentDto implements UpdateStoryRequest {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(BOUNDS.version.min) @Max(BOUNDS.version.max) version!: number;
  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @MinLength(1, { message: 'Enter a title.' })
  @Line(MAX_LENGTH.story.title)
  title?: string;
  @ApiPropertyOptional({ enum: STORY_CATEGORIES }) @OptionalNotNull() @IsIn(STORY_CATEGORIES) category?: StoryCategory;
  @ApiPropertyOptional({ type: SensitivityAnswersDto })
  @OptionalNotNull()
  @NestedObject(() => SensitivityAnswersDto)
  sensitivity?: SensitivityAnswersDto;
  /** Keyed by outcome id, so checked entry by entry by the service (`storyFigureWording`), which names each field. */
  @ApiPropertyOptional({
    type: 'object',
    description: 'Cited figures worded in the story language, by outcome id',
    additionalProperties: {
      type: 'object',
      required: ['description'],
      properties: { unit: { type: 'string', nullable: true }, description: { type: 'string' } },
    },
  })
  @OptionalNotNull()
  @IsObject({ message: 'figureWording must be an object of { unit, description } by outcome id' })
  figureWording?: StoryFigureWordings;
}

export class StoryTransitionDto implements StoryTransitionRequest {
  @ApiProperty({ enum: STORY_STATUSES }) @IsIn(STORY_STATUSES) to!: StoryStatus;
  @ApiPropertyOptional() @OptionalNotNull() @IsString() @MaxChars(MAX_LENGTH.story.transitionNote) note?: string;
  /** Required to publish (checked by the workflow, which names the field). */
  @ApiPropertyOptional() @OptionalNotNull() @Type(() => Number) @IsInt() @Min(BOUNDS.version.min) @Max(BOUNDS.version.max) version?: number;
}

export class DraftFromCommitmentDto implements DraftFromCommitmentRequest {
  @ApiPropertyOptional({ enum: LANGUAGES }) @OptionalNotNull() @IsIn(LANGUAGES) language?: Language;
}

export class ListStoriesDto implements StoryFilters {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(BOUNDS.page.min) @Max(BOUNDS.page.max) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(BOUNDS.pageSize.min) @Max(BOUNDS.pageSize.max) pageSize?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(MAX_LENGTH.search) q?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsIn(['updatedAt:desc', 'updatedAt:asc', 'title:asc', 'title:desc', 'publishedAt:desc', 'publishedAt:asc'])
  sort?: string;
  @ApiPropertyOptional({ enum: STORY_CATEGORIES }) @IsOptional() @IsIn(STORY_CATEGORIES) category?: StoryCategory;
  @ApiPropertyOptional({ enum: STORY_STATUSES }) @IsOptional() @IsIn(STORY_STATUSES) status?: StoryStatus;
  @ApiPropertyOptional() @IsOptional() @IsUUID() hubId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() cityId?: string;
  @ApiPropertyOptional({ enum: LANGUAGES }) @IsOptional() @IsIn(LANGUAGES) language?: Language;
  @ApiPropertyOptional({ format: 'uuid', description: 'cites this engagement' }) @IsOptional() @IsUUID() engagementId?: string;
}

export class ListPublicStoriesDto implements PublicStoryQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(BOUNDS.page.min) @Max(BOUNDS.page.max) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(BOUNDS.pageSize.min) @Max(BOUNDS.pageSize.max) pageSize?: number;
  @ApiPropertyOptional({ enum: STORY_CATEGORIES }) @IsOptional() @IsIn(STORY_CATEGORIES) category?: StoryCategory;
  @ApiPropertyOptional() @IsOptional() @IsUUID() hubId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() cityId?: string;
  @ApiPropertyOptional({ enum: LANGUAGES }) @IsOptional() @IsIn(LANGUAGES) language?: Language;
  @ApiPropertyOptional({ description: 'Words that must all appear in the title, summary or body' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.search)
  q?: string;
  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Without language: one version per story, this language first' })
  @IsOptional()
  @IsIn(LANGUAGES)
  preferLanguage?: Language;
}

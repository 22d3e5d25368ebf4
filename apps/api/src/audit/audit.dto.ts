import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { BOUNDS, type AuditQuery } from '@impact/contracts';

/** The record kinds the services write to the audit log (`entity`). */
export const AUDITED_ENTITIES = ['hub', 'city', 'partner', 'engagement', 'commitment', 'followUp', 'outcome', 'story', 'user'] as const;

export class AuditQueryDto implements AuditQuery {
  @ApiPropertyOptional({ enum: AUDITED_ENTITIES, example: 'commitment' })
  @IsOptional()
  @IsIn(AUDITED_ENTITIES, { message: `entity must be a record kind: ${AUDITED_ENTITIES.join(', ')}` })
  entity?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() entityId?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(BOUNDS.page.min) @Max(BOUNDS.page.max) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(BOUNDS.pageSize.min) @Max(BOUNDS.pageSize.max) pageSize?: number;
}

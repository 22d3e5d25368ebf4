import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDateString,
  IsOptional,
  IsUUID,
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import type { DashboardFilters } from '@impact/contracts';

@ValidatorConstraint({ name: 'notBeforeFrom' })
class NotBeforeFrom implements ValidatorConstraintInterface {
  validate(to: unknown, args: ValidationArguments): boolean {
    const from = (args.object as DashboardQueryDto).from;
    return typeof to !== 'string' || !from || to >= from;
  }
  defaultMessage(): string {
    return 'to must not be before from';
  }
}

/** `hubId`, `from`, `to` (inclusive dates, UTC calendar), all optional. */
export class DashboardQueryDto implements DashboardFilters {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() hubId?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsDateString({ strict: true }) from?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsDateString({ strict: true }) @Validate(NotBeforeFrom) to?: string;
}

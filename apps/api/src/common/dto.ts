import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  ValidateNested,
  IsBoolean,
  IsDateString,
  IsUUID,
  registerDecorator,
  ValidateIf,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { charLength, textProblem } from './input';

/** True when `value` is `YYYY-MM-DD` and that day exists in the calendar (no 2024-02-30). */
export function isRealDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function IsRealDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isRealDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: (a: ValidationArguments) => `${a.property} must be a real date as YYYY-MM-DD`, ...options },
      validator: { validate: (v: unknown) => isRealDate(v) },
    });
}

/** A date without time: strict ISO, `YYYY-MM-DD`, a day that exists. */
export const IsDateOnly = (): PropertyDecorator => applyDecorators(IsDateString({ strict: true }), IsRealDate());

/**
 * Optional for a field that may be left out but not cleared: `undefined` skips validation, `null`
 * is validated (and refused by the type check). Use `@IsOptional()` for fields that `null` clears.
 */
export const OptionalNotNull = (): PropertyDecorator => ValidateIf((_o, v) => v !== undefined);

/** `?flag=true|false` in a query string as a boolean. */
export const QueryBoolean = (): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean({ message: ({ property }) => `${property} must be true or false` }),
  );

/** A field that must be later than or equal to another date field of the same object. */
export function NotBefore(other: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'notBefore',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [other],
      options: { message: (a: ValidationArguments) => `${a.property} must not be before ${other}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const start = (args.object as Record<string, unknown>)[other];
          if (!isRealDate(value) || !isRealDate(start)) return true;
          return value >= start;
        },
      },
    });
}

/**
 * At most `max` characters as PostgreSQL counts them (code points). `@MaxLength` counts differently
 * (it skips variation selectors), so text it lets through could still overflow a `varchar(n)`.
 */
export function MaxChars(max: number, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'maxChars',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [max],
      options: { message: (a: ValidationArguments) => `${a.property} must be at most ${max} characters`, ...options },
      validator: { validate: (v: unknown) => typeof v === 'string' && charLength(v) <= max },
    });
}

/**
 * Text of one line (a name, a title): no tab or line break. Other control characters are refused
 * for every field before validation; multi-line text (a summary, a note) keeps its line breaks.
 */
export function SingleLine(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'singleLine',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: (a: ValidationArguments) => `${a.property} must be a single line`, ...options },
      validator: { validate: (v: unknown) => typeof v !== 'string' || textProblem(v, false) === null },
    });
}

/** A one-line text of at most `max` characters (the length of its `varchar(max)` column). */
export const Line = (max: number): PropertyDecorator => applyDecorators(SingleLine(), MaxChars(max));

/**
 * A nested object validated as `type`. `@ValidateNested` alone lets an array through (it validates
 * the array's items instead), so `participants: []` would reach the service as an array.
 */
export const NestedObject = (type: () => new () => object): PropertyDecorator => applyDecorators(IsObject(), ValidateNested(), Type(type));

/** A list of at most `max` nested objects, each validated as `type` (`[[]]` is refused, not passed on). */
export const NestedObjects = (type: () => new () => object, max: number): PropertyDecorator =>
  applyDecorators(IsArray(), ArrayMaxSize(max), IsObject({ each: true }), ValidateNested({ each: true }), Type(type));

/** A list of at most `max` record ids, documented as such; whether it may be left out is the caller's `OptionalNotNull`. */
export const Uuids = (max: number, { required = false } = {}): PropertyDecorator =>
  applyDecorators(
    IsArray(),
    IsUUID('all', { each: true }),
    ArrayMaxSize(max),
    (required ? ApiProperty : ApiPropertyOptional)({ type: [String], format: 'uuid', maxItems: max }),
  );

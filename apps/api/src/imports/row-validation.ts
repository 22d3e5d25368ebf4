import type { Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidatorOptions } from 'class-validator';
import { ValidationFailedError } from '../common/errors';
import { cleanInput } from '../common/input';
import { toFieldErrors } from '../common/validation';

/** A problem with one cell of one row (row numbered as a spreadsheet shows it; the header is row 1). */
export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

/** The options `createValidationPipe` gives class-validator (the pipe adds `forbidUnknownValues: false`). */
const OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: false,
  validationError: { target: false, value: false },
};

/**
 * Runs a row's request body through the API's own validation, step by step as the validation pipe
 * runs a request body: the same input cleaning (control characters refused, text trimmed), the same
 * DTO and class-validator options (whitelist, unknown fields refused) and the same error messages,
 * so a row is accepted exactly when the same body sent to the API would be. It skips what only a
 * client's JSON can hold (binary values, sparse arrays, `__proto__` keys: a row's body is built here,
 * from text cells) and validates synchronously (the DTOs have no asynchronous rule): the pipe costs
 * several times more per row. Field errors come back under the file's column names (`columnOf` gets
 * the whole field path, `participants.total`).
 */
export function validateRow<T extends object>(
  row: number,
  body: Record<string, unknown>,
  dto: Type<T>,
  columnOf: (field: string) => string,
): { value: T } | { errors: ImportRowError[] } {
  try {
    const entity = plainToInstance(dto, cleanInput(body, 'body', ''));
    const problems = validateSync(entity, OPTIONS);
    if (problems.length) throw new ValidationFailedError(toFieldErrors(problems));
    return { value: entity };
  } catch (e) {
    if (!(e instanceof ValidationFailedError)) throw e;
    return { errors: e.fieldErrors.map((f) => ({ row, column: columnOf(f.field), message: f.message })) };
  }
}

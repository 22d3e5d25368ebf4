import type { Type } from '@nestjs/common';
import { ValidationFailedError } from '../common/errors';
import { createValidationPipe } from '../common/validation';

/** A problem with one cell of one row (row numbered as a spreadsheet shows it; the header is row 1). */
export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

const pipe = createValidationPipe();

/**
 * Runs a row's request body through the API's own validation pipe (input cleaning, whitelist,
 * class-validator DTO), so a row is accepted exactly when the same body sent to the API would be.
 * Field errors come back under the file's column names (`columnOf` gets the whole field path, `participants.total`).
 */
export async function validateRow<T extends object>(
  row: number,
  body: Record<string, unknown>,
  dto: Type<T>,
  columnOf: (field: string) => string,
): Promise<{ value: T } | { errors: ImportRowError[] }> {
  try {
    return { value: (await pipe.transform(body, { type: 'body', metatype: dto, data: '' })) as T };
  } catch (e) {
    if (!(e instanceof ValidationFailedError)) throw e;
    return { errors: e.fieldErrors.map((f) => ({ row, column: columnOf(f.field), message: f.message })) };
  }
}

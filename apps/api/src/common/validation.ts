import { ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldError } from '@impact/contracts';
import { ValidationFailedError } from './errors';

/** Flattens class-validator errors into `{ field, message }` with dotted paths (`participants.total`). */
export function toFieldErrors(
  errors: ValidationError[],
  parent = '',
): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      out.push({
        field,
        message: message.replace(
          /^property (\S+) should not exist$/,
          'is not an accepted field',
        ),
      });
    }
    if (error.children?.length)
      out.push(...toFieldErrors(error.children, field));
  }
  return out;
}

/** The one ValidationPipe: unknown fields are refused, payloads become DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new ValidationFailedError(toFieldErrors(errors)),
  });
}

import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldError } from '@impact/contracts';
import { ValidationFailedError } from './errors';
import { cleanInput } from './input';

/** Flattens class-validator errors into `{ field, message }` with dotted paths (`participants.total`). */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      out.push({
        field,
        message: message.replace(/^property (\S+) should not exist$/, 'is not an accepted field'),
      });
    }
    if (error.children?.length) out.push(...toFieldErrors(error.children, field));
  }
  return out;
}

/**
 * The one ValidationPipe, with the one input check in front of it: every string of a body, query
 * string or route parameter is refused with a 400 when it holds control characters, and trimmed (an
 * invisible-only text becomes empty) before class-transformer and class-validator see it, so
 * `@MinLength(1)` refuses `" "` and `"\u200B"`. Then unknown fields are refused and payloads become
 * DTO instances.
 */
export class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // `custom` arguments (the signed-in user) are made by the server, not sent by the client.
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      value = cleanInput(value, metadata.type, metadata.data);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(toFieldErrors(errors)),
  });
}

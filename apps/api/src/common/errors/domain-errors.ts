import type { FieldError } from '@impact/contracts';

/**
 * Errors the services throw in the domain's words. The one exception filter maps each to its HTTP
 * status and the error body of docs/api.md; `code` is stable for clients and tests.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;

  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400: the input is invalid; `details` lists the fields. */
export class ValidationFailedError extends DomainError {
  readonly status = 400;
  readonly code = 'validation_failed';

  constructor(
    readonly fieldErrors: FieldError[],
    message = 'The request is invalid.',
  ) {
    super(message, fieldErrors);
  }
}

/** 401: not signed in, or the token is invalid or expired. */
export class UnauthorizedError extends DomainError {
  readonly status = 401;
  readonly code = 'unauthorized';

  constructor(message = 'Not signed in, or the session has expired.') {
    super(message);
  }
}

/** 403: the caller may read the record but may not do this to it. */
export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly code = 'forbidden';

  constructor(message = 'You may not do this.') {
    super(message);
  }
}

/** 404: no such record, or one outside what the caller may read (existence is not revealed). */
export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly code = 'not_found';

  constructor(entity = 'Record', id?: string) {
    super(id ? `${entity} ${id} was not found.` : `${entity} was not found.`);
  }
}

/** 409: a clash with existing data (e.g. a unique value already taken). */
export class ConflictError extends DomainError {
  readonly status: number = 409;
  readonly code: string = 'conflict';
}

/** 409: the `version` sent is not the current one; nothing was written. */
export class StaleVersionError extends ConflictError {
  override readonly code = 'stale_version';

  constructor(current: unknown, message = 'The record was changed by someone else. Reload it and try again.') {
    super(message, { current });
  }
}

/** 422: a workflow step the current status does not allow. */
export class WorkflowError extends DomainError {
  readonly status = 422;
  readonly code = 'workflow_not_allowed';

  constructor(from: string, to: string, message?: string) {
    super(message ?? `Cannot move from ${from} to ${to}.`, { from, to });
  }
}

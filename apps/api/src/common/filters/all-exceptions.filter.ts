import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiError } from '@impact/contracts';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { describeDatabaseError } from '../../database/query-logger';
import { DomainError } from '../errors';

interface RequestLike {
  id?: string;
  method?: string;
  url?: string;
}
interface ResponseLike {
  headersSent?: boolean;
  status(code: number): ResponseLike;
  json(body: unknown): unknown;
}

const GENERIC_500 = 'Something went wrong on our side. Try again later.';

const sqlState = (e: QueryFailedError): string | undefined => (e.driverError as { code?: string } | undefined)?.code;

/** PostgreSQL's words for a value it refused, by SQLSTATE; never its message, which quotes the value. */
const REFUSED_VALUES: ReadonlyMap<string, string> = new Map([
  ['22P02', 'A value has the wrong format.'],
  ['22007', 'A value has the wrong format.'],
  ['22008', 'A value has the wrong format.'],
  ['22001', 'A text is too long.'],
  ['22003', 'A number is out of range.'],
  ['22021', 'A text holds a character that cannot be stored.'],
  ['22P05', 'A text holds a character that cannot be stored.'],
  ['23514', 'A value is outside what the record allows.'],
  ['54000', 'A value is too large.'],
]);

/**
 * The 400 message for a value the database refused (class 22 is "data exception": always the
 * input's doing), or null. Validation should refuse such values first; the filter logs each one that
 * got through, by code only.
 */
function refusedValue(code: string | undefined): string | null {
  if (!code) return null;
  return REFUSED_VALUES.get(code) ?? (code.startsWith('22') ? 'A value is not accepted.' : null);
}

/** Maps any thrown value to the one error body of docs/api.md. No stack trace or SQL ever leaves. */
export function toApiError(exception: unknown, requestId?: string): ApiError {
  const body = (statusCode: number, message: string, details?: unknown): ApiError => ({
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    message,
    requestId,
    ...(details !== undefined ? { details } : {}),
  });

  if (exception instanceof DomainError) return body(exception.status, exception.message, exception.details);

  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    let message = exception.message;
    if (typeof response === 'object' && response !== null && 'message' in response) {
      const m = (response as { message: unknown }).message;
      message = Array.isArray(m) ? m.join('; ') : String(m);
    }
    if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /.test(message)) message = 'No such route.';
    return body(status, status >= 500 ? GENERIC_500 : message);
  }

  if (exception instanceof QueryFailedError) {
    const code = sqlState(exception);
    if (code === '23505') return body(409, 'A record with the same unique value already exists.');
    if (code === '23503') return body(409, 'The record refers to, or is referred to by, another record.');
    if (code === '40001') return body(409, 'The record was changed at the same time. Try again.');
    const refused = refusedValue(code);
    if (refused) return body(400, refused);
  }

  // Errors from body-parser and similar middleware carry an HTTP status and a safe `expose` flag.
  const e = exception as {
    status?: number;
    statusCode?: number;
    expose?: boolean;
    type?: string;
    message?: string;
  };
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (e.type === 'entity.too.large') return body(413, 'The request body is too large.');
    if (e.type === 'entity.parse.failed') return body(400, 'The request body is not valid JSON.');
    return body(status, e.expose && e.message ? e.message : (STATUS_CODES[status] ?? 'Bad request'));
  }

  return body(HttpStatus.INTERNAL_SERVER_ERROR, GENERIC_500);
}

/**
 * What of an error goes to the log. A failed query is logged by its code, constraint and table only:
 * PostgreSQL's message and `detail` (and the stack, which starts with the message) can quote the
 * values of the row, such as e-mail addresses; the SQL text is logged by the database logger.
 */
function loggable(exception: unknown): unknown {
  if (exception instanceof QueryFailedError) {
    return { name: 'QueryFailedError', ...describeDatabaseError(exception.driverError) };
  }
  // A driver error that reached here unwrapped (pg's DatabaseError has the same fields).
  const e = exception as { code?: unknown; severity?: unknown } | null;
  if (e && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === 'string') {
    return { name: 'DatabaseError', ...describeDatabaseError(exception) };
  }
  return exception instanceof Error ? { message: exception.message, stack: exception.stack } : exception;
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<RequestLike>();
    const res = http.getResponse<ResponseLike>();
    const error = toApiError(exception, req?.id);
    if (exception instanceof QueryFailedError && error.statusCode === 400) {
      // A gap in validation: say where and which SQLSTATE, not the SQL or the value.
      this.logger.warn(
        { requestId: req?.id, sqlState: sqlState(exception) },
        `${req?.method} ${req?.url?.split('?')[0]}: the database refused a value validation let through`,
      );
    }
    if (error.statusCode >= 500) {
      // The detail goes to the log (with the request id), never to the client.
      this.logger.error({ requestId: req?.id, err: loggable(exception) }, `${req?.method} ${req?.url} failed`);
    }
    if (res.headersSent) return;
    res.status(error.statusCode).json(error);
  }
}

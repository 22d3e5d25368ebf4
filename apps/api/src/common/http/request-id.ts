import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The incoming `x-request-id` when it is sane, else a new uuid. */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}

/**
 * First middleware of the app: gives every request its id and echoes it, before body parsing, so
 * even a refused body (413) answers with a request id. pino-http reuses `req.id`.
 */
export function requestIdMiddleware(req: IncomingMessage & { id?: string }, res: ServerResponse, next: () => void) {
  req.id = requestIdFor(req);
  res.setHeader(REQUEST_ID_HEADER, req.id);
  next();
}

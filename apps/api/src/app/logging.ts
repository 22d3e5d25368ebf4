import type { IncomingMessage } from 'node:http';
import type { Options } from 'pino-http';
import type { AppConfig } from '../config';
import { requestIdFor } from '../common/http/request-id';

/** Never logged: credentials in headers and bodies. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'req.body.password',
  'req.body.refreshToken',
  '*.password',
  '*.passwordHash',
  '*.refreshToken',
  '*.accessToken',
];

/** JSON request logs, one line per request, with the request id. */
export function pinoHttpOptions(config: Pick<AppConfig, 'logLevel' | 'nodeEnv'>): Options {
  return {
    level: config.logLevel,
    genReqId: (req: IncomingMessage & { id?: unknown }) => (typeof req.id === 'string' ? req.id : requestIdFor(req)),
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    serializers: {
      req: (req: { id: string; method: string; url: string; headers: Record<string, unknown> }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
        headers: { 'user-agent': req.headers['user-agent'] },
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    // Health probes every few seconds would drown the log.
    autoLogging: { ignore: (req) => req.url === '/api/health' },
  };
}

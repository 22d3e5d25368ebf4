import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { NextFunction, Request, Response } from 'express';

/**
 * Holds the API to its own OpenAPI document in the integration tests: every answer a test receives is
 * checked against the document (status documented, JSON body valid against the documented schema),
 * and `TestApp.close()` fails the test file on any mismatch. So the document cannot drift from what
 * the code sends.
 */
type OpenApiDoc = {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
};

export interface ContractViolation {
  method: string;
  route: string;
  status: number;
  problem: string;
}

const DOC_ID = 'openapi.json';

/** `/api/commitments/:id` → `/api/commitments/{id}` */
const toOpenApiPath = (expressPath: string) => expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** Document-local refs made absolute, so a schema taken out of the document still resolves them. */
function absoluteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(absoluteRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${DOC_ID}${v}` : absoluteRefs(v),
      ]),
    );
  }
  return value;
}

export class OpenApiContract {
  readonly violations: ContractViolation[] = [];
  private doc: OpenApiDoc | null = null;
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor() {
    addFormats(this.ajv);
  }

  use(doc: OpenApiDoc): void {
    this.doc = doc;
    this.ajv.addSchema(doc as object, DOC_ID);
  }

  /** Express middleware: records what each answer sends, then checks it once the route is known. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      this.check(req, res, body, 'application/json');
      return json(body);
    };
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      const type = String(res.getHeader('content-type') ?? '');
      if (typeof body === 'string' && !type.includes('json')) this.check(req, res, body, type.split(';')[0]);
      return send(body);
    };
    next();
  };

  private check(req: Request, res: Response, body: unknown, contentType: string): void {
    const route = (req as Request & { route?: { path?: string } }).route?.path;
    // No route (or only a catch-all) matched: the 404 of an unknown path.
    if (!this.doc || !route || route.includes('*') || route.startsWith('/api/docs')) return;
    const path = toOpenApiPath(route);
    const method = req.method.toLowerCase();
    const status = res.statusCode;
    const responses = this.doc.paths[path]?.[method]?.responses;
    const where = { method: req.method, route: path, status };
    if (!responses) return void this.violations.push({ ...where, problem: 'the route is not in the document' });
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => responses[k]);
    if (!key) return void this.violations.push({ ...where, problem: `status ${status} is not documented` });
    const content = responses[key].content;
    if (!content) {
      if (body !== undefined && body !== '')
        this.violations.push({ ...where, problem: `documented without a body, but sent ${contentType}` });
      return;
    }
    const media = content[contentType];
    if (!media)
      return void this.violations.push({ ...where, problem: `sent ${contentType}; documented: ${Object.keys(content).join(', ')}` });
    if (contentType !== 'application/json' || !media.schema) return;
    const id = `${method} ${path} ${key}`;
    let validate = this.validators.get(id);
    if (!validate) {
      validate = this.ajv.compile(absoluteRefs(media.schema) as object);
      this.validators.set(id, validate);
    }
    if (!validate(JSON.parse(JSON.stringify(body)))) {
      const errors = (validate.errors ?? [])
        .slice(0, 5)
        .map(
          (e) =>
            `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params['additionalProperty'])})` : ''}`,
        );
      this.violations.push({ ...where, problem: `the body does not match the schema: ${errors.join('; ')}` });
    }
  }

  /** Throws with every mismatch seen, if any. */
  assertClean(): void {
    if (!this.violations.length) return;
    const unique = [...new Map(this.violations.map((v) => [`${v.method} ${v.route} ${v.status} ${v.problem}`, v])).values()];
    throw new Error(
      `Answers that differ from the OpenAPI document (${unique.length}):\n${unique.map((v) => `  ${v.method} ${v.route} → ${v.status}: ${v.problem}`).join('\n')}`,
    );
  }
}

import { INestApplication, Logger } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX } from '@impact/contracts';
import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationFailedError } from '../common/errors';
import { toApiError } from '../common/filters/all-exceptions.filter';
import { AllExceptionsFilter } from '../common/filters/all-exceptions.filter';
import { requestIdMiddleware } from '../common/http/request-id';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../common/input';
import { createValidationPipe } from '../common/validation';
import { withContractSchemas } from '../openapi/responses';
import { serveStoryPages, servePublicFeeds } from '../stories/public-web';
import type { AppConfig } from '../config';

export const DOCS_PATH = `${API_PREFIX}/docs`;
export const DOCS_JSON_PATH = `${API_PREFIX}/docs-json`;

const ONE_YEAR = 365 * 24 * 60 * 60;

/** The one security-header set; only the Content-Security-Policy directives differ between the app and the docs. */
const helmetWithCsp = (directives: Record<string, string[] | null>) =>
  helmet({ hsts: { maxAge: ONE_YEAR, includeSubDomains: true }, contentSecurityPolicy: { useDefaults: false, directives } });

/** The directives the app and the docs share: own scripts only; inline styles (Angular Material, Swagger UI). */
const SHARED_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  fontSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** Strict CSP for the Angular app, which also pins its base URI and form targets. */
const appHelmet = helmetWithCsp({ ...SHARED_CSP, baseUri: ["'self'"], formAction: ["'self'"] });

/** Swagger UI at /api/docs also needs data: fonts: relaxed there only. */
const docsHelmet = helmetWithCsp({ ...SHARED_CSP, fontSrc: ["'self'", 'data:'] });

/**
 * Body parsers whose errors (413, bad JSON, too deep) answer in the API error shape, not Express's
 * HTML. A body nested deeper than `maxDepth` is refused here, before any guard, pipe or library
 * walks it recursively (class-transformer overflows the stack a few thousand levels down).
 */
function bodyParser(parser: RequestHandler, maxDepth?: number): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) =>
    parser(req, res, (err?: unknown) => {
      if (!err && maxDepth !== undefined && nestedDeeperThan(req.body, maxDepth)) {
        err = new ValidationFailedError(
          [
            {
              field: 'body',
              message: `body must not be nested more than ${maxDepth} levels deep`,
            },
          ],
          `The request body is nested too deeply (at most ${maxDepth} levels).`,
        );
      }
      if (!err) return next();
      const body = toApiError(err, (req as Request & { id?: string }).id);
      res.status(body.statusCode).json(body);
    });
}

export interface ConfigureAppOptions {
  /** Serve the built Angular app (default true; tests usually skip it). */
  serveWeb?: boolean;
  /** Publish the OpenAPI document and Swagger UI (default: `config.apiDocs`, off in production unless API_DOCS=true). */
  docs?: boolean;
}

/**
 * Everything main.ts sets on the app, in one place, so the tests run exactly the same stack:
 * request id, helmet, body limit, CORS, /api prefix, validation, the error filter, OpenAPI, SPA.
 * Call it before `app.init()` / `app.listen()`; the app must be created with `bodyParser: false`.
 */
export function configureApp(app: INestApplication, config: AppConfig, options: ConfigureAppOptions = {}): void {
  const logger = new Logger('Bootstrap');
  const http = app.getHttpAdapter().getInstance() as express.Express;
  http.disable('x-powered-by');
  http.set('trust proxy', config.trustProxy);

  app.use(requestIdMiddleware);
  app.use((req: Request, res: Response, next: NextFunction) =>
    (req.path === `/${DOCS_PATH}` || req.path.startsWith(`/${DOCS_PATH}/`) ? docsHelmet : appHelmet)(req, res, next),
  );
  app.use(bodyParser(express.json({ limit: config.bodyLimit }), MAX_JSON_DEPTH));
  app.use(bodyParser(express.urlencoded({ extended: false, limit: config.bodyLimit })));

  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins,
      credentials: false,
      exposedHeaders: ['x-request-id'],
    });
  }

  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());

  if (options.docs ?? config.apiDocs) {
    const document = withContractSchemas(
      SwaggerModule.createDocument(
        app,
        new DocumentBuilder()
          .setOpenAPIVersion('3.1.0')
          .setTitle('Impact Tracker API')
          .setDescription('Engagements, commitments, follow-ups, outcomes and impact stories of the city network.')
          .setVersion('1.0')
          .addBearerAuth()
          .build(),
      ),
    );
    SwaggerModule.setup(DOCS_PATH, app, document, {
      jsonDocumentUrl: DOCS_JSON_PATH,
      customSiteTitle: 'Impact Tracker API',
    });
  }

  // The public feed and sitemap live outside /api and answer with or without the web app.
  servePublicFeeds(app, config.mail.publicUrl);
  if (options.serveWeb !== false) serveWeb(app, config, logger);
}

/** Serves the built Angular app at `/`, with index.html for every non-API path (SPA fallback), and the story pages' heads. */
function serveWeb(app: INestApplication, config: AppConfig, logger: Logger): void {
  const webDist = config.webDist;
  const index = join(webDist, 'index.html');
  if (!existsSync(index)) {
    logger.warn(`Web app not found at ${webDist} (build it with "npx nx run web:build"); serving the API only.`);
    return;
  }
  // A published story's page carries its title, summary and language in the head, for link previews.
  serveStoryPages(app, readFileSync(index, 'utf8'), config.mail.publicUrl, logger);
  app.use(
    express.static(webDist, {
      index: false,
      setHeaders: (res, path) => {
        // Hashed bundles can be cached for ever; index.html never.
        res.setHeader('Cache-Control', /\.[0-9a-z]{8,}\.(js|css|woff2?)$/i.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === `/${API_PREFIX}` || req.path.startsWith(`/${API_PREFIX}/`)) {
      return next();
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  logger.log(`Serving the web app from ${webDist}`);
}

import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import contractSchemas from './contract-schemas.json';

/**
 * How a route documents its answer: by the name of the libs/contracts type it returns. The schemas
 * are generated from those TypeScript types (apps/api/tools/contract-schemas.ts), so the document,
 * the web app and the code agree; the integration tests validate every answer against the document.
 */
export type ContractName = keyof typeof contractSchemas;

type JsonSchema = Record<string, unknown>;

const ref = (name: ContractName): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/**
 * `{ items, total, page, pageSize }` of a contract type: every list answers this shape; the lists that
 * page by cursor too (`cursor`) also say `nextCursor` (a string, or null on the last page).
 */
export const pageSchema = (name: ContractName, cursor = false): JsonSchema => ({
  type: 'object',
  required: ['items', 'total', 'page', 'pageSize', ...(cursor ? ['nextCursor'] : [])],
  additionalProperties: false,
  properties: {
    items: { type: 'array', items: ref(name) },
    total: { type: 'integer', minimum: 0 },
    page: { type: 'integer', minimum: 1 },
    pageSize: { type: 'integer', minimum: 1 },
    ...(cursor
      ? { nextCursor: { type: ['string', 'null'], description: 'Pass as `after` for the next page; null on the last page' } }
      : {}),
  },
});

/** 200 with one `name`. */
export const ApiOk = (name: ContractName, description = 'OK') => ApiOkResponse({ description, schema: ref(name) });

/** 200 with an array of `name`. */
export const ApiOkArray = (name: ContractName, description = 'OK') =>
  ApiOkResponse({ description, schema: { type: 'array', items: ref(name) } });

/** 200 with a page of `name`. */
export const ApiOkPage = (name: ContractName, description = 'One page of the list') =>
  ApiOkResponse({ description, schema: pageSchema(name) });

/** 200 with a page of `name` and its `nextCursor` (the lists that also take `after`). */
export const ApiOkCursorPage = (name: ContractName, description = 'One page of the list, and the cursor of the next') =>
  ApiOkResponse({ description, schema: pageSchema(name, true) });

/** 201 with the created `name`. */
export const ApiCreated = (name: ContractName, description = 'Created') => ApiCreatedResponse({ description, schema: ref(name) });

/** 204: done, nothing to say (DELETE archives). */
export const ApiNoContent = (description = 'Done') => applyDecorators(HttpCode(204), ApiNoContentResponse({ description }));

/** 200 with a CSV file (UTF-8 with a byte-order mark, so spreadsheet programs read Arabic names right). */
export const ApiCsv = (description = 'The list as CSV, with the same filters') =>
  applyDecorators(ApiProduces('text/csv'), ApiOkResponse({ description, content: { 'text/csv': { schema: { type: 'string' } } } }));

/** 200 with a document to download or print (Markdown, HTML). */
export const ApiFile = (type: 'text/markdown' | 'text/html', description: string) =>
  applyDecorators(ApiProduces(type), ApiOkResponse({ description, content: { [type]: { schema: { type: 'string' } } } }));

const ERROR_RESPONSE = {
  description: 'An error: 400 names the fields, 404 hides what the caller may not read, 409 carries the current record',
  content: { 'application/json': { schema: ref('ApiError') } },
};

/**
 * Adds the contract schemas to the document and the error shape to every operation (`4XX`, `5XX`), so
 * a client generated from it types every answer.
 */
export function withContractSchemas(document: OpenAPIObject): OpenAPIObject {
  document.components = {
    ...document.components,
    schemas: { ...(contractSchemas as Record<string, JsonSchema>), ...document.components?.schemas },
  };
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const responses: Record<string, object> = { ...operation.responses, '4XX': ERROR_RESPONSE, '5XX': ERROR_RESPONSE };
      // Specific errors documented by a decorator (403 of @Can …) carry the same body.
      for (const [status, response] of Object.entries(responses)) {
        if (/^[45]/.test(status) && !('content' in response)) responses[status] = { ...response, content: ERROR_RESPONSE.content };
      }
      operation.responses = responses as typeof operation.responses;
    }
  }
  return document;
}

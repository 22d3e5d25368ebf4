import { createTestApp, type TestApp } from '../../test/test-app';

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }> };

let t: TestApp;
let doc: { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

beforeAll(async () => {
  t = await createTestApp();
  doc = (await t.http.get('/api/docs-json').expect(200)).body;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
  );

describe('the OpenAPI document describes answers, not only requests', () => {
  it('gives every operation a typed success answer', () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(60);
    const untyped = all
      .filter(({ op }) => {
        const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        if (!success.length) return true;
        return success.some(
          ([status, r]) =>
            status !== '204' &&
            !Object.values(r.content ?? {}).some((media) => media.schema && ('$ref' in media.schema || 'type' in media.schema)),
        );
      })
      .map(({ name }) => name);
    expect(untyped).toEqual([]);
  });

  it('documents the error shape on every operation', () => {
    const without = operations()
      .filter(({ op }) => !op.responses?.['4XX']?.content?.['application/json']?.schema?.['$ref'])
      .map(({ name }) => name);
    expect(without).toEqual([]);
  });

  it('resolves every schema reference', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(100);
    expect([...new Set(refs)].filter((name) => !(name in doc.components.schemas))).toEqual([]);
  });

  it('types a list answer as a page of its items', async () => {
    const list = doc.paths['/api/commitments']['get'].responses?.['200'].content?.['application/json'].schema;
    expect(list).toMatchObject({
      // The commitments list pages by cursor too: its page also says nextCursor.
      required: ['items', 'total', 'page', 'pageSize', 'nextCursor'],
      properties: { items: { items: { $ref: '#/components/schemas/CommitmentListItem' } }, nextCursor: { type: ['string', 'null'] } },
    });
  });
});

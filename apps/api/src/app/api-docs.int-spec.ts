import { createTestApp, createTestDatabase, type TestApp } from '../../test/test-app';

/** The OpenAPI document and Swagger UI: on in development and tests, off in production unless API_DOCS=true. */
describe('API docs switch', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  const withApp = async (env: Record<string, string>, check: (t: TestApp) => Promise<void>) => {
    const t = await createTestApp({ databaseUrl: db.url, migrationUrl: db.ownerUrl, env });
    try {
      await check(t);
    } finally {
      await t.app.close();
    }
  };

  it('hides /api/docs and /api/docs-json in production by default', async () => {
    await withApp({ NODE_ENV: 'production' }, async (t) => {
      const json = await t.http.get('/api/docs-json').expect(404);
      expect(json.body.message).toBe('No such route.');
      await t.http.get('/api/docs/').expect(404);
      await t.http.get('/api/docs').expect(404);
      // The API itself is there.
      await t.http.get('/api/health').expect(200);
    });
  });

  it('publishes them in production when API_DOCS=true', async () => {
    await withApp({ NODE_ENV: 'production', API_DOCS: 'true' }, async (t) => {
      const json = await t.http.get('/api/docs-json').expect(200);
      expect(json.body.paths['/api/health']).toBeDefined();
      expect((await t.http.get('/api/docs/').expect(200)).text).toContain('swagger');
    });
  });

  it('publishes them outside production, unless API_DOCS=false', async () => {
    await withApp({ NODE_ENV: 'development' }, async (t) => {
      await t.http.get('/api/docs-json').expect(200);
    });
    await withApp({ NODE_ENV: 'development', API_DOCS: 'false' }, async (t) => {
      await t.http.get('/api/docs-json').expect(404);
    });
  });
});

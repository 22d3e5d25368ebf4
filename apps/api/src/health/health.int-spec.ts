import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../../test/test-app';
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from '../database/embedded-postgres';
import { freePort } from '../../test/free-port';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('answers ok with the database up, without signing in', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('echoes an incoming x-request-id', async () => {
    const res = await t.http.get('/api/health').set('x-request-id', 'trace-123').expect(200);
    expect(res.headers['x-request-id']).toBe('trace-123');
  });
});

describe('database restart', () => {
  let pg: EmbeddedPostgresHandle;
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'impact-restart-'));
    chmodSync(dir, 0o755);
    pg = await startEmbeddedPostgres({
      dir: join(dir, 'pg'),
      port: await freePort(),
      database: 'restart',
    });
    t = await createTestApp({ databaseUrl: pg.url, migrationUrl: pg.migrationUrl, docs: false });
  }, 60_000);

  afterAll(async () => {
    await t?.app.close();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 while the database is down and recovers by itself when it is back', async () => {
    await t.http.get('/api/health').expect(200);

    await pg.stop();
    const down = await t.http.get('/api/health').expect(503);
    expect(down.body).toEqual({ status: 'error', db: 'down' });

    await pg.restart();
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await t.http.get('/api/health')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  }, 60_000);
});

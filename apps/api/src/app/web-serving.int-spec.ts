import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app';

const ROOT = join(__dirname, '../../../..');

/** The body as bytes, after the client undid the Content-Encoding (as a browser does). */
const raw = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** What a browser sees of the built web app: the compressed copy it accepts, its type, and its caching. */
describe('serving the web app', () => {
  let t: TestApp;
  let webDist: string;
  const bundle = 'main-KUC6XN5P.js';
  let bundleText: string;
  let indexHtml: string;

  beforeAll(async () => {
    // A small web dist shaped like the build's output, precompressed by the build's own script.
    webDist = mkdtempSync(join(tmpdir(), 'impact-web-'));
    indexHtml = readFileSync(join(ROOT, 'apps/web/src/index.html'), 'utf8');
    writeFileSync(join(webDist, 'index.html'), indexHtml);
    bundleText = Array.from({ length: 400 }, (_, i) => `export const value${i} = "${'x'.repeat(i % 40)}";`).join('\n');
    writeFileSync(join(webDist, bundle), bundleText);
    mkdirSync(join(webDist, 'i18n'));
    writeFileSync(join(webDist, 'i18n/en.json'), readFileSync(join(ROOT, 'apps/web/public/i18n/en.json')));
    mkdirSync(join(webDist, 'media'));
    writeFileSync(join(webDist, 'media/icons-NOIAI5HR.woff2'), Buffer.alloc(2048, 7));
    execFileSync(process.execPath, [join(ROOT, 'scripts/precompress.mjs'), webDist]);
    t = await createTestApp({ demo: true, docs: false, serveWeb: true, env: { WEB_DIST: webDist } });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('the build wrote brotli and gzip copies beside text files, and none of an already-compressed font', () => {
    for (const file of [bundle, 'i18n/en.json']) {
      expect(existsSync(join(webDist, `${file}.br`))).toBe(true);
      expect(existsSync(join(webDist, `${file}.gz`))).toBe(true);
    }
    expect(existsSync(join(webDist, 'media/icons-NOIAI5HR.woff2.br'))).toBe(false);
  });

  it.each([
    ['br, gzip, deflate', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['identity', undefined],
  ])('a hashed bundle asked for with Accept-Encoding "%s" comes as %s, cached for a year', async (accept, encoding) => {
    const res = await t.http.get(`/${bundle}`).set('Accept-Encoding', accept).buffer(true).parse(raw).expect(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(res.headers['content-type']).toMatch(/^text\/javascript; charset=utf-8$/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((res.body as Buffer).toString('utf8')).toBe(bundleText);
  });

  it('a request without Accept-Encoding gets the file as it is', async () => {
    const res = await t.http.get(`/${bundle}`).unset('Accept-Encoding').buffer(true).parse(raw).expect(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(bundleText));
  });

  it('a translation file is compressed but revalidated, since its name carries no hash', async () => {
    const res = await t.http.get('/i18n/en.json').set('Accept-Encoding', 'br').buffer(true).parse(raw).expect(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^application\/json; charset=utf-8$/i);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(JSON.parse((res.body as Buffer).toString('utf8'))).toEqual(
      JSON.parse(readFileSync(join(ROOT, 'apps/web/public/i18n/en.json'), 'utf8')),
    );
  });

  it('a hashed font is sent as it is (woff2 is compressed already) and cached for a year', async () => {
    const res = await t.http.get('/media/icons-NOIAI5HR.woff2').set('Accept-Encoding', 'br, gzip').buffer(true).parse(raw).expect(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-type']).toBe('font/woff2');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it.each(['/', '/dashboard', '/stories'])('the app page %s is never cached', async (path) => {
    const res = await t.http.get(path).set('Accept-Encoding', 'gzip').buffer(true).parse(raw).expect(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect((res.body as Buffer).toString('utf8')).toContain('<it-root></it-root>');
  });

  it('JSON answers of the API are compressed for a client that accepts it', async () => {
    const br = await t.http.get('/api/public/stories?pageSize=50').set('Accept-Encoding', 'br').buffer(true).parse(raw).expect(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
    const plain = await t.http
      .get('/api/public/stories?pageSize=50')
      .set('Accept-Encoding', 'identity')
      .buffer(true)
      .parse(raw)
      .expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse((br.body as Buffer).toString('utf8'))).toEqual(JSON.parse((plain.body as Buffer).toString('utf8')));
  });
});

import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ env: { CORS_ORIGINS: 'https://partner.example.org' } });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('CORS', () => {
  it('allows only the origins on the list', async () => {
    const allowed = await t.http
      .options('/api/health')
      .set('Origin', 'https://partner.example.org')
      .set('Access-Control-Request-Method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://partner.example.org');

    const other = await t.http.options('/api/health').set('Origin', 'https://evil.example.com').set('Access-Control-Request-Method', 'GET');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

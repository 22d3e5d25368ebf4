import { createTestApp, type TestApp } from '../../test/test-app';

// A file of its own: the limiter also counts per address, and this test spends the address's
// allowance (and passport's strategy registry is per process, so one app per file).
describe('failed sign-in limit', () => {
  let own: TestApp;
  beforeAll(async () => {
    own = await createTestApp({ demo: true });
  }, 120_000);
  afterAll(async () => {
    await own?.close();
  });

  it('answers 429 with Retry-After after 10 failed attempts, even with the right password', async () => {
    const email = 'europe.manager@impact.test';
    for (let i = 0; i < 10; i++) {
      await own.http.post('/api/auth/login').send({ email, password: `wrong-password-${i}` }).expect(401);
    }
    const blocked = await own.http.post('/api/auth/login').send({ email, password: 'manager-demo-2026' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body).toMatchObject({ statusCode: 429, message: expect.stringMatching(/too many/i) });
  });
});


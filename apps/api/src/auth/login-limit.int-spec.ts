import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { MAX_FAILED_LOGINS_PER_ACCOUNT_AND_ADDRESS, MAX_FAILED_LOGINS_PER_ADDRESS } from './login-limiter';

// Every test signs in from addresses of its own (X-Forwarded-For from the loopback test client, which
// TRUST_PROXY=loopback honours), so the counters of one test never spend another's allowance.
// Passport's strategy registry is per process: the apps of this file run one describe at a time,
// except the two instances that share a database on purpose.

const MANAGER = { email: 'europe.manager@impact.test', password: 'manager-demo-2026' };
const LIAISON = { email: 'strasbourg.liaison@impact.test', password: 'liaison-demo-2026' };

/** The app's own listener on 127.0.0.1 (supertest would otherwise open one per request, and parallel ones collide). */
async function listen(t: TestApp): Promise<string> {
  const server = t.app.getHttpServer() as Server;
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function login(base: string, email: string, password: string, address?: string) {
  const req = request(base).post('/api/auth/login');
  if (address) req.set('X-Forwarded-For', address);
  return req.send({ email, password });
}

/** Runs the requests a few at a time, in order of the list, and returns their statuses. */
async function statuses(requests: (() => PromiseLike<{ status: number }>)[], batch = 10): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < requests.length; i += batch) {
    const answers = await Promise.all(requests.slice(i, i + batch).map((r) => r()));
    out.push(...answers.map((a) => a.status));
  }
  return out;
}

const count = (list: number[], status: number) => list.filter((s) => s === status).length;

describe('failed sign-in limit (TRUST_PROXY=loopback, the default)', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    base = await listen(t);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('answers 429 with Retry-After after 10 failed attempts, even with the right password', async () => {
    const address = '198.51.100.1';
    for (let i = 0; i < 10; i++) {
      await login(base, MANAGER.email, `wrong-password-${i}`, address).expect(401);
    }
    const blocked = await login(base, MANAGER.email, MANAGER.password, address);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(blocked.body).toMatchObject({ statusCode: 429, message: expect.stringMatching(/too many/i) });
  });

  it('checks the limit before the password, atomically: of 30 parallel wrong passwords at most 10 are tried', async () => {
    const address = '198.51.100.2';
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login(base, 'nansana.liaison@impact.test', `wrong-password-${i}`, address)),
    );
    const codes = answers.map((a) => a.status);
    expect(count(codes, 401) + count(codes, 429)).toBe(30);
    // At most 10 reach the password check (and, counted atomically, not fewer either).
    expect(count(codes, 401)).toBe(MAX_FAILED_LOGINS_PER_ACCOUNT_AND_ADDRESS);
    expect(count(codes, 429)).toBe(30 - MAX_FAILED_LOGINS_PER_ACCOUNT_AND_ADDRESS);
    for (const a of answers.filter((x) => x.status === 429)) {
      expect(Number(a.headers['retry-after'])).toBeGreaterThan(0);
    }
    // Nothing leaked past the limit: the right password is refused too.
    await login(base, 'nansana.liaison@impact.test', 'liaison-demo-2026', address).expect(429);
  });

  it('spares an office: four colleagues mistyping 9 times each do not lock a fifth out', async () => {
    const office = '203.0.113.10';
    const colleagues = [
      'esa.manager@impact.test',
      'mena.manager@impact.test',
      'balkans.manager@impact.test',
      'danilovgrad.liaison@impact.test',
    ];
    const codes = await statuses(
      colleagues.flatMap((email) => Array.from({ length: 9 }, (_, i) => () => login(base, email, `mistyped-${i}`, office))),
    );
    expect(codes).toEqual(Array(36).fill(401));
    await login(base, 'leadership@impact.test', 'leadership-demo-2026', office).expect(200);
    // …and each of the four may still sign in with the right password.
    await login(base, 'esa.manager@impact.test', 'manager-demo-2026', office).expect(200);
  });

  it('limits an account per address: blocked from address A, the same account may still try from address B', async () => {
    const a = '198.51.100.3';
    const b = '198.51.100.4';
    const codes = await statuses(Array.from({ length: 10 }, (_, i) => () => login(base, LIAISON.email, `wrong-${i}`, a)));
    expect(codes).toEqual(Array(10).fill(401));
    await login(base, LIAISON.email, LIAISON.password, a).expect(429);
    await login(base, LIAISON.email, 'wrong-from-b', b).expect(401);
    await login(base, LIAISON.email, LIAISON.password, b).expect(200);
  });

  it('honours X-Forwarded-For from a loopback client: the blocked address is the forwarded one', async () => {
    const forwarded = '198.51.100.5';
    await statuses(Array.from({ length: 10 }, (_, i) => () => login(base, 'rajshahi.liaison@impact.test', `wrong-${i}`, forwarded)));
    await login(base, 'rajshahi.liaison@impact.test', 'liaison-demo-2026', forwarded).expect(429);
    // The test client itself (127.0.0.1, no forwarded address) has spent nothing.
    await login(base, 'rajshahi.liaison@impact.test', 'liaison-demo-2026').expect(200);
  });

  it('forgets an account’s failures from an address once it signs in there', async () => {
    const address = '198.51.100.6';
    const email = 'trincomalee.liaison@impact.test';
    await statuses(Array.from({ length: 9 }, (_, i) => () => login(base, email, `wrong-${i}`, address)));
    await login(base, email, 'liaison-demo-2026', address).expect(200);
    const again = await statuses(Array.from({ length: 9 }, (_, i) => () => login(base, email, `wrong-again-${i}`, address)));
    expect(again).toEqual(Array(9).fill(401));
  });

  it(`limits an address to ${MAX_FAILED_LOGINS_PER_ADDRESS} failures an hour, whatever the accounts`, async () => {
    const address = '198.51.100.7';
    // Unknown e-mails count like wrong passwords (the answer must not tell them apart).
    const codes = await statuses(
      Array.from(
        { length: MAX_FAILED_LOGINS_PER_ADDRESS },
        (_, i) => () => login(base, `nobody-${i}@example.org`, 'wrong-password', address),
      ),
    );
    expect(codes).toEqual(Array(MAX_FAILED_LOGINS_PER_ADDRESS).fill(401));
    const blocked = await login(base, 'southasia.manager@impact.test', 'manager-demo-2026', address);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(15 * 60);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(60 * 60);
    // Another address is not affected.
    await login(base, 'southasia.manager@impact.test', 'manager-demo-2026', '198.51.100.8').expect(200);
  });

  it('keeps the counters in PostgreSQL', async () => {
    const rows: { n: number }[] = await t.dataSource.query(`SELECT count(*)::int AS n FROM login_limits WHERE key LIKE '%198.51.100.3%'`);
    expect(rows[0].n).toBeGreaterThan(0);
  });
});

describe('failed sign-in limit with TRUST_PROXY=false', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp({ demo: true, env: { TRUST_PROXY: 'false' } });
    base = await listen(t);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('ignores X-Forwarded-For: changing it does not escape the limit', async () => {
    const email = 'capetown.liaison@impact.test';
    const codes = await statuses(Array.from({ length: 10 }, (_, i) => () => login(base, email, `wrong-${i}`, `198.51.100.${20 + i}`)));
    expect(codes).toEqual(Array(10).fill(401));
    await login(base, email, 'liaison-demo-2026', '198.51.100.99').expect(429);
  });
});

describe('two app instances on one database', () => {
  let first: TestApp;
  let second: TestApp;
  let firstBase: string;
  let secondBase: string;
  beforeAll(async () => {
    first = await createTestApp({ demo: true });
    second = await createTestApp({ databaseUrl: first.databaseUrl, migrationUrl: first.ownerUrl });
    firstBase = await listen(first);
    secondBase = await listen(second);
  }, 120_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('share the counters: failures on one count on the other', async () => {
    const address = '192.0.2.50';
    const email = 'strasbourg.liaison@impact.test';
    const codes = await statuses(
      Array.from({ length: 10 }, (_, i) => () => login(i % 2 === 0 ? firstBase : secondBase, email, `wrong-${i}`, address)),
    );
    expect(codes).toEqual(Array(10).fill(401));
    const onFirst = await login(firstBase, email, 'liaison-demo-2026', address);
    const onSecond = await login(secondBase, email, 'liaison-demo-2026', address);
    expect([onFirst.status, onSecond.status]).toEqual([429, 429]);
    expect(Number(onSecond.headers['retry-after'])).toBeGreaterThan(0);
  });
});

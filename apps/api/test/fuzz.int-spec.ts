import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import demoUsers from '../src/database/demo/demo-users.json';
import { demoSignIn } from './demo-sign-in';
import { createTestApp, type TestApp } from './test-app';

/**
 * Fuzzes the real app on a real PostgreSQL: hostile query strings and path segments on every GET
 * route, single-field mutations of valid bodies on every POST and PATCH route (both enumerated from
 * the OpenAPI document, so a new route is fuzzed, or fails this test until it has a valid body).
 * Every answer must be below 500, carry no stack trace (and, when an error, no SQL), and a 4xx must
 * have written nothing. The seed is printed; replay a failure with FUZZ_SEED=<seed>. FUZZ_PROFILE=1
 * prints where the time went, by route.
 */

const SEED = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : Math.floor(Math.random() * 2 ** 31);
/** Runs per property; together well over 5,000 requests. */
const RUNS = { get: 2800, body: 2200, session: 120, login: 40 };

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: {
          name: string;
          in: string;
          schema?: { enum?: string[] };
        }[];
        requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
      }
    >
  >;
  components: { schemas: Record<string, { properties?: Record<string, { nullable?: boolean }> }> };
}

interface Sent {
  method: string;
  path: string;
  body?: string;
  who: Who;
}

type Who = 'admin' | 'liaison' | 'session' | 'anonymous';

let t: TestApp;
let base: string;
let doc: OpenApi;
const tokens: Record<Who, string | undefined> = {
  admin: undefined,
  liaison: undefined,
  session: undefined,
  anonymous: undefined,
};
let requests = 0;
let fuzzStarted = { wall: 0, cpu: process.cpuUsage() };
const statuses = new Map<number, number>();
let unique = 0;
const next = () => `${Date.now().toString(36)}${(unique++).toString(36)}`;

// ---------------------------------------------------------------- the world the bodies refer to
const ids: Record<string, string> = {};
const one = async (sql: string, params: unknown[] = []): Promise<string> =>
  ((await t.dataSource.query(sql, params)) as { id: string }[])[0].id;
const password = (email: string) => (demoUsers as { email: string; password: string }[]).find((u) => u.email === email)?.password as string;

/** Signed-in sessions of demo users the fuzz may end (logout, refresh), apart from admin and liaison. */
const SESSION_USER = 'trincomalee.liaison@impact.test';
const REFRESH_USER = 'capetown.liaison@impact.test';
const LOGIN_USER = 'strasbourg.liaison@impact.test';
let refreshToken = '';
let sessionRefreshToken = '';
let sessionLive = false;

// ---------------------------------------------------------------- valid bodies, one per write route
interface Valid {
  /** The path with real ids (a fresh target is fine, the same one is fine too). */
  path: () => string;
  body: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Who sends it (default admin); the session routes use their own users. */
  who?: Who;
}

const versionOf = async (table: string, id: string): Promise<number> =>
  (await t.dataSource.query(`SELECT version FROM ${table} WHERE id = $1`, [id]))[0].version;

const cityBody = () => ({
  name: `Fuzz city ${next()}`,
  countryCode: 'KE',
  hubId: ids.esa,
  kind: 'city',
  membershipStatus: 'member',
  memberSince: '2021-06-01',
  leadOfficial: 'Mayor Achieng',
  latitude: -0.1,
  longitude: 34.75,
});
const engagementBody = () => ({
  title: `Fuzz dialogue ${next()}`,
  type: 'roundtable',
  hubId: ids.esa,
  startDate: '2025-03-01',
  endDate: '2025-03-02',
  locationCityId: ids.nansana,
  online: false,
  hostCityId: ids.nansana,
  participatingCityIds: [ids.nansana],
  partnerIds: [ids.partner],
  participants: {
    total: 40,
    mayors: 2,
    officials: 5,
    youth: 10,
    women: 20,
    communityLeaders: 3,
  },
  summary: 'Line one\nline two',
  evidenceLinks: ['https://example.org/report'],
});
const commitmentBody = () => ({
  title: `Fuzz commitment ${next()}`,
  kind: 'youth_council',
  cityId: ids.nansana,
  ownerId: null,
  targetDate: '2026-12-31',
  progress: 10,
  inspiredByEngagementIds: [ids.engagement],
  partnerIds: [ids.partner],
  description: 'A youth council that meets monthly.',
});
const followUpBody = () => ({
  commitmentId: ids.commitment,
  engagementId: null,
  title: `Fuzz follow-up ${next()}`,
  kind: 'check_in',
  ownerId: null,
  dueDate: '2026-01-31',
  status: 'open',
  note: 'Call the mayor’s office.',
});
const outcomeBody = () => ({
  commitmentId: ids.commitment,
  cityId: ids.nansana,
  date: '2025-05-01',
  type: 'people_trained',
  value: 25,
  unit: 'people',
  description: 'Trained 25 youth workers.',
  evidenceUrl: 'https://example.org/outcome',
  verified: false,
});
const storyBody = () => ({
  title: `Fuzz story ${next()}`,
  category: 'youth',
  cityIds: [ids.nansana],
  body: '# A council of young people\n\nThey met every month.',
  quotes: [{ text: 'We were heard.', attribution: 'A council member' }],
  engagementIds: [ids.engagement],
  commitmentIds: [ids.commitment],
  outcomeIds: [],
  language: 'en',
});

const VALID: Record<string, Valid> = {
  'POST /api/hubs': {
    path: () => '/api/hubs',
    body: () => ({ code: `f-${next()}`, name: 'Fuzz hub' }),
  },
  'PATCH /api/hubs/{id}': {
    path: () => `/api/hubs/${ids.hub}`,
    body: async () => ({
      version: await versionOf('hubs', ids.hub),
      name: 'Fuzz hub renamed',
    }),
  },
  'POST /api/cities': { path: () => '/api/cities', body: cityBody },
  'PATCH /api/cities/{id}': {
    path: () => `/api/cities/${ids.city}`,
    body: async () => ({
      ...cityBody(),
      version: await versionOf('cities', ids.city),
    }),
  },
  'POST /api/partners': {
    path: () => '/api/partners',
    body: () => ({
      name: `Fuzz partner ${next()}`,
      kind: 'other',
      countryCode: 'ZA',
    }),
  },
  'PATCH /api/partners/{id}': {
    path: () => `/api/partners/${ids.partner}`,
    body: async () => ({
      version: await versionOf('partners', ids.partner),
      name: `Fuzz partner ${next()}`,
      kind: 'other',
      countryCode: 'ZA',
    }),
  },
  'POST /api/engagements': {
    path: () => '/api/engagements',
    body: engagementBody,
  },
  'PATCH /api/engagements/{id}': {
    path: () => `/api/engagements/${ids.engagement}`,
    body: async () => ({
      ...engagementBody(),
      version: await versionOf('engagements', ids.engagement),
    }),
  },
  'POST /api/commitments': {
    path: () => '/api/commitments',
    body: commitmentBody,
  },
  'PATCH /api/commitments/{id}': {
    path: () => `/api/commitments/${ids.commitment}`,
    body: async () => ({
      ...commitmentBody(),
      version: await versionOf('commitments', ids.commitment),
    }),
  },
  'POST /api/commitments/{id}/transitions': {
    path: () => `/api/commitments/${ids.commitment}/transitions`,
    body: () => ({ to: 'in_progress', note: 'Work started.' }),
  },
  'POST /api/follow-ups': { path: () => '/api/follow-ups', body: followUpBody },
  'PATCH /api/follow-ups/{id}': {
    path: () => `/api/follow-ups/${ids.followUp}`,
    body: async () => ({
      ...followUpBody(),
      version: await versionOf('follow_ups', ids.followUp),
    }),
  },
  'POST /api/outcomes': { path: () => '/api/outcomes', body: outcomeBody },
  'PATCH /api/outcomes/{id}': {
    path: () => `/api/outcomes/${ids.outcome}`,
    body: async () => ({
      ...outcomeBody(),
      version: await versionOf('outcomes', ids.outcome),
    }),
  },
  'POST /api/users': {
    path: () => '/api/users',
    body: () => ({
      email: `fuzz-${next()}@impact.test`,
      name: 'Fuzz user',
      password: 'Fuzz-passphrase-7Q2x',
      role: 'city_liaison',
      hubIds: [],
      cityIds: [ids.nansana],
      language: 'fr',
    }),
  },
  'PATCH /api/users/{id}': {
    path: () => `/api/users/${ids.user}`,
    body: async () => ({
      version: await versionOf('users', ids.user),
      name: 'Fuzz user renamed',
      role: 'city_liaison',
      hubIds: [],
      cityIds: [ids.nansana],
      active: true,
      language: 'es',
    }),
  },
  'POST /api/users/{id}/invite': {
    path: () => `/api/users/${ids.user}/invite`,
    body: () => ({ language: 'ar' }),
  },
  // Its own user: deactivating it must not take the user the other routes change.
  'POST /api/users/{id}/deactivate': {
    path: () => `/api/users/${ids.leaver}/deactivate`,
    body: () => ({ reassignToId: ids.admin }),
  },
  // No account has this address: the same 204 as for a real one, and nothing is written.
  'POST /api/auth/password-reset': {
    path: () => '/api/auth/password-reset',
    body: () => ({ email: `nobody-${next()}@impact.test` }),
    who: 'anonymous',
  },
  // No link has this token: the body is checked first (400), a valid one answers 404.
  'POST /api/auth/password': {
    path: () => '/api/auth/password',
    body: () => ({ token: '0'.repeat(43), password: 'Fuzz-passphrase-7Q2x' }),
    who: 'anonymous',
  },
  'POST /api/stories': { path: () => '/api/stories', body: storyBody },
  'PATCH /api/stories/{id}': {
    path: () => `/api/stories/${ids.story}`,
    body: async () => ({
      ...storyBody(),
      version: await versionOf('stories', ids.story),
      sensitivity: {
        consentForNamedPeople: true,
        noDetailsExposingIndividuals: true,
        cityAgreedToPublication: false,
      },
    }),
  },
  'POST /api/stories/draft-from-commitment/{commitmentId}': {
    path: () => `/api/stories/draft-from-commitment/${ids.progressing}`,
    body: () => ({ language: 'fr' }),
  },
  'POST /api/stories/{id}/transitions': {
    path: () => `/api/stories/${ids.checkedStory}/transitions`,
    body: () => ({ to: 'in_review', note: 'Ready for review.' }),
  },
  'PATCH /api/auth/me': {
    path: () => '/api/auth/me',
    body: () => ({ language: 'fr' }),
  },
  'POST /api/auth/refresh': {
    path: () => '/api/auth/refresh',
    body: () => ({ refreshToken }),
    who: 'anonymous',
  },
  'POST /api/auth/logout': {
    path: () => '/api/auth/logout',
    body: () => ({ refreshToken: sessionRefreshToken }),
    who: 'session',
  },
  'POST /api/auth/login': {
    path: () => '/api/auth/login',
    body: () => ({ email: LOGIN_USER, password: password(LOGIN_USER) }),
    who: 'anonymous',
  },
  'POST /api/notifications/read': { path: () => '/api/notifications/read', body: () => ({ all: true }) },
  'PATCH /api/notification-settings': { path: () => '/api/notification-settings', body: () => ({ email: 'daily' }) },
  'POST /api/reminders/run': { path: () => '/api/reminders/run', body: () => ({ asOf: '2026-01-05' }) },
  'POST /api/follow-ups/{id}/contact-links': {
    path: () => `/api/follow-ups/${ids.followUp}/contact-links`,
    body: () => ({ name: 'Fuzz contact', email: `fuzz-${next()}@city.test`, language: 'ar' }),
  },
  // A multipart upload: a JSON body carries no file, so every variation is refused (400, or 403 for a liaison).
  'POST /api/imports': {
    path: () => '/api/imports?entity=partners&dryRun=true',
    body: () => ({ file: 'id,name,kind,countryCode' }),
  },
  // No import has this id (404); undo takes no body.
  'POST /api/imports/{id}/undo': {
    path: () => `/api/imports/${randomUUID()}/undo`,
    body: () => ({ note: 'fuzz' }),
  },
  // No link has this token: the body is checked first (400), a valid one answers 404.
  'POST /api/public/follow-up-links/{token}': {
    path: () => `/api/public/follow-up-links/${'0'.repeat(43)}`,
    body: () => ({ done: false, note: 'Not yet', proposedDueDate: '2031-01-05' }),
  },
};
/** Run apart: they end sessions or count failed sign-ins, which the other routes must not feel. */
const SESSION_ROUTES = ['POST /api/auth/refresh', 'POST /api/auth/logout', 'PATCH /api/auth/me'];
const LOGIN_ROUTE = 'POST /api/auth/login';

// ---------------------------------------------------------------- hostile values
const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u001b', '\u001f', '\u007f', '\t', '\n', '\r'];
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u202e', '\u2066', '\ufeff', '\u00ad', '\u3164', '\u2800', '\u00a0'];
const LONE = ['\ud800', '\udbff', '\udc00', '\udfff'];
const PROTO = [
  'constructor',
  'toString',
  'hasOwnProperty',
  '__proto__',
  'valueOf',
  'prototype',
  'isPrototypeOf',
  '__defineGetter__',
  'constructor:desc',
  'toString:asc',
];
const SQLISH = [
  "' OR 1=1 --",
  "'; DROP TABLE cities; --",
  '1; SELECT pg_sleep(1)',
  '%',
  '_',
  '\\',
  '%_%\\',
  '$1',
  '::text',
  "E'\\x00'",
  '/*',
  '*/',
  '"',
  "'",
  ')',
  'NULL',
  'null',
  'undefined',
  '{}',
  '[]',
  'a,b',
];
const NUMBERISH = [
  '0',
  '-1',
  '1.5',
  '1e3',
  '1e308',
  '1e400',
  '-1e400',
  'NaN',
  'Infinity',
  '-0',
  '0x10',
  '1_000',
  '2147483647',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '99999999999999999999999999',
];
const DATEISH = [
  '2024-02-30',
  '2024-02-29',
  '0000-00-00',
  '9999-12-31',
  '2024-13-01',
  '+275760-09-13',
  '1970-01-01T00:00:00Z',
  '2025-1-1',
  '',
];
const LONG = [
  'a'.repeat(201),
  'a'.repeat(301),
  'é'.repeat(2001),
  '😀'.repeat(201),
  '\u2764\ufe0f'.repeat(151),
  'x'.repeat(5001),
  'y'.repeat(20_001),
  'z'.repeat(60_000),
];
const PLAUSIBLE = [
  'true',
  'false',
  'TRUE',
  '1',
  'asc',
  'desc',
  'name',
  'name:desc',
  'title:asc',
  'createdAt:desc',
  'updatedAt:desc',
  'en',
  'ar',
  'Nansana',
  'نانسانا',
  '東京',
];

const unicodeText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({
    unit: fc.constantFrom(...CONTROLS, ...INVISIBLE, ...LONE, 'a', ' ', 'é', '😀', '\u2764', '\ufe0f', 'ب'),
    maxLength: 12,
  }),
);

/** Strings as an attacker or a careless client sends them. */
const hostileText = (enums: string[] = []): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: unicodeText },
    { weight: 2, arbitrary: fc.constantFrom(...PROTO) },
    { weight: 2, arbitrary: fc.constantFrom(...SQLISH) },
    { weight: 2, arbitrary: fc.constantFrom(...NUMBERISH) },
    { weight: 1, arbitrary: fc.constantFrom(...DATEISH) },
    { weight: 1, arbitrary: fc.constantFrom(...LONG) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...PLAUSIBLE, ...(enums.length ? enums : ['x'])),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...INVISIBLE, ' ', '  \t ', INVISIBLE.join('')),
    },
    { weight: 1, arbitrary: fc.uuid() },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...PLAUSIBLE), fc.constantFrom(...CONTROLS, ...LONE)).map(([a, b]) => `${a}${b}`),
    },
  );

/**
 * A JSON value for one field, raw JSON text (numbers JSON.stringify cannot write, prototype keys,
 * depth), the field removed, or its valid value in the wrong shape (`[v]` for `v`, `v` for `[v]`).
 */
type Mutant = { json: unknown } | { raw: string } | { remove: true } | { reshape: true };

const uuids = (n: number) => Array.from({ length: n }, () => randomUUID());
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const hostileValue: fc.Arbitrary<Mutant> = fc.oneof(
  { weight: 6, arbitrary: hostileText().map((json) => ({ json })) },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom<unknown>(
        null,
        true,
        false,
        0,
        -1,
        1.5,
        -0.5,
        2147483647,
        2147483648,
        -2147483649,
        Number.MAX_SAFE_INTEGER,
        1e308,
        -1e308,
        5e-324,
        [],
        {},
        [null],
        [''],
        [1],
        [true],
        { a: 1 },
      )
      .map((json) => ({ json })),
  },
  {
    weight: 2,
    arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean()).map((json) => ({ json })),
  },
  {
    weight: 2,
    arbitrary: fc.array(hostileText(), { maxLength: 4 }).map((json) => ({ json })),
  },
  {
    weight: 1,
    arbitrary: fc.jsonValue({ maxDepth: 3 }).map((json) => ({ json })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        '1e400',
        '-1e400',
        '1e-400',
        '123456789012345678901234567890',
        '9007199254740993',
        '{"__proto__":{"polluted":true}}',
        '{"constructor":{"prototype":{"polluted":true}}}',
        '"\\ud800"',
        '"\\u0000"',
        nested(31),
        nested(40),
        JSON.stringify(uuids(501)),
        JSON.stringify(Array.from({ length: 60 }, () => ({ text: 'q', attribution: 'a' }))),
      )
      .map((raw) => ({ raw })),
  },
  { weight: 1, arbitrary: fc.constant({ remove: true as const }) },
  { weight: 1, arbitrary: fc.constant({ reshape: true as const }) },
);

// ---------------------------------------------------------------- sending and checking
const STACK = /\n\s+at |\bat [\w$.<>[\]]+ \(|\.(?:ts|js|mjs):\d+(?::\d+)?|node_modules|\/work\/|\/src\//;
let SQL: RegExp;

function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    // A lone surrogate has no UTF-8 form: send the bytes a careless client would (CESU-8).
    return [...text].map((c) => (/[\ud800-\udfff]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join('');
  }
}

async function send(req: Sent): Promise<{ status: number; text: string; json: unknown }> {
  const headers: Record<string, string> = {};
  const token = req.who === 'anonymous' ? undefined : tokens[req.who];
  if (token) headers['authorization'] = `Bearer ${token}`;
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  requests++;
  const started = performance.now();
  const res = await fetch(base + req.path, {
    method: req.method,
    headers,
    body: req.body,
  });
  const text = await res.text();
  const key = `${req.method} ${req.path
    .split('?')[0]
    .replace(/[0-9a-f-]{36}/g, '{id}')
    .slice(0, 60)}`;
  profile.set(key, (profile.get(key) ?? 0) + performance.now() - started);
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  let json: unknown;
  if ((res.headers.get('content-type') ?? '').includes('json') && text) json = JSON.parse(text);
  return { status: res.status, text, json };
}

/**
 * Rows written so far, per table: row triggers (installed in this test's own database) count every
 * committed insert, update and delete, so a 4xx that wrote anything shows, at the cost of one small
 * SELECT per request. Background bookkeeping (dashboard refresh time, refresh tokens, sign-in
 * counters) is not counted.
 */
let db: Client;
let lastSnapshot = '';
const profile = new Map<string, number>();
const snapshot = async (): Promise<string> => {
  const started = performance.now();
  const { rows } = await db.query(`SELECT coalesce(json_object_agg(tbl, n ORDER BY tbl), '{}')::text AS n FROM fuzz_writes`);
  profile.set('snapshot', (profile.get('snapshot') ?? 0) + performance.now() - started);
  return rows[0].n;
};

async function check(req: Sent): Promise<{ status: number; json: unknown }> {
  const res = await send(req);
  const about = () =>
    `${req.method} ${req.path.slice(0, 300)} as ${req.who} ${req.body ? `body ${req.body.slice(0, 300)}` : ''} → ${res.status} ${res.text.slice(0, 300)}`;
  if (res.status >= 500) throw new Error(`answered ≥ 500: ${about()}`);
  if (STACK.test(res.text)) throw new Error(`stack trace or file path in the body: ${about()}`);
  if (res.status >= 400) {
    // A 409 for a stale version carries the current record, whose text may be anything a client stored.
    const body = res.json as { details?: { current?: unknown } } | undefined;
    const shown = body?.details?.current
      ? JSON.stringify({
          ...body,
          details: { ...body.details, current: undefined },
        })
      : res.text;
    if (SQL.test(shown)) throw new Error(`SQL in an error body: ${about()}`);
    if (res.text && !(res.json && typeof res.json === 'object' && (res.json as { statusCode?: number }).statusCode === res.status)) {
      throw new Error(`an error not in the API error shape: ${about()}`);
    }
  }
  // A GET that answered 2xx has nothing to compare; were it to write, the next 4xx would show it.
  if (req.method === 'GET' && res.status < 400) return res;
  const now = await snapshot();
  if (res.status >= 400 && res.status < 500 && now !== lastSnapshot)
    throw new Error(`a 4xx wrote rows (${lastSnapshot} → ${now}): ${about()}`);
  lastSnapshot = now;
  return res;
}

/** Paths to every field of a body, nested ones too (`participants.total`, `quotes.0.text`). */
function fieldPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return [...(prefix.length ? [prefix] : []), ...entries.flatMap(([k, v]) => fieldPaths(v, [...prefix, k]))];
}

const RAW = '\u0000raw\u0000';
/** The body with one field changed (or removed, or one unknown field added), as JSON text. */
function mutate(body: Record<string, unknown>, path: string[], mutant: Mutant): string {
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  let parent: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const last = path[path.length - 1];
  if ('remove' in mutant) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
    return JSON.stringify(copy);
  }
  if ('reshape' in mutant) {
    const value = parent[last];
    parent[last] = Array.isArray(value) ? (value[0] ?? '') : [value];
    return JSON.stringify(copy);
  }
  parent[last] = 'raw' in mutant ? RAW : mutant.json;
  const text = JSON.stringify(copy);
  return 'raw' in mutant ? text.replace(JSON.stringify(RAW), () => mutant.raw) : text;
}

const UNKNOWN_FIELDS = ['extra', 'id', 'version2', 'isAdmin', 'role', 'hubId', 'archivedAt', 'createdAt', 'a.b', 'a[b]', '', ' ', 'é'];
/** Mostly a field of the valid body; now and then one it does not have. */
const unknownField = fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN_FIELDS) });

// ---------------------------------------------------------------- set-up
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await t.app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  doc = (await fetch(`${base}/api/docs-json`).then((r) => r.json())) as OpenApi;

  tokens.admin = (await demoSignIn(t.http, 'admin@impact.test')).accessToken;
  tokens.liaison = (await demoSignIn(t.http, 'nansana.liaison@impact.test')).accessToken;
  refreshToken = (await demoSignIn(t.http, REFRESH_USER)).refreshToken;

  ids.esa = await one(`SELECT id FROM hubs WHERE code = 'esa'`);
  ids.nansana = await one(`SELECT id FROM cities WHERE name = 'Nansana'`);
  ids.progressing = await one(
    `SELECT id FROM commitments WHERE city_id = $1 AND status IN ('achieved', 'in_progress') ORDER BY title LIMIT 1`,
    [ids.nansana],
  );
  ids.published = await one(`SELECT id FROM stories WHERE status = 'published' ORDER BY title LIMIT 1`);
  ids.admin = await one(`SELECT id FROM users WHERE email = 'admin@impact.test'`);

  // The targets of the PATCH routes, made through the API with the valid bodies (which proves them valid).
  const create = async (route: string): Promise<string> => {
    const v = VALID[route];
    const res = await send({
      method: 'POST',
      path: v.path(),
      body: JSON.stringify(await v.body()),
      who: 'admin',
    });
    if (res.status !== 201) throw new Error(`the valid body of ${route} answered ${res.status}: ${res.text}`);
    return (res.json as { id: string }).id;
  };
  ids.hub = await create('POST /api/hubs');
  ids.city = await create('POST /api/cities');
  ids.partner = await create('POST /api/partners');
  ids.engagement = await create('POST /api/engagements');
  ids.commitment = await create('POST /api/commitments');
  ids.followUp = await create('POST /api/follow-ups');
  ids.outcome = await create('POST /api/outcomes');
  ids.user = await create('POST /api/users');
  ids.leaver = await create('POST /api/users');
  ids.story = await create('POST /api/stories');
  ids.checkedStory = await create('POST /api/stories');
  await t.dataSource.query(
    `UPDATE stories SET sensitivity_consent_for_named_people = true, sensitivity_no_details_exposing_individuals = true,
            sensitivity_city_agreed_to_publication = true WHERE id = $1`,
    [ids.checkedStory],
  );

  // Count the writes to every table but background bookkeeping, as the database owner.
  db = new Client({
    connectionString: (process.env['IMPACT_TEST_PG_URL'] as string).replace(/\/[^/?]*(?=\?|$)/, new URL(t.databaseUrl).pathname),
  });
  await db.connect();
  const columns: { table_name: string; column_name: string }[] = (
    await db.query(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'`,
    )
  ).rows;
  const tables = new Map<string, Set<string>>();
  for (const c of columns) tables.set(c.table_name, (tables.get(c.table_name) ?? new Set()).add(c.column_name));
  const counted = [...tables]
    .filter(
      ([name, cols]) =>
        // The dashboard's rollups and their bookkeeping follow writes a moment later, in a fold of their own.
        !name.startsWith('dashboard_') &&
        !['refresh_tokens', 'migrations', 'typeorm_metadata'].includes(name) &&
        !(cols.has('key') && cols.has('points')),
    )
    .map(([name]) => name);
  await db.query(`CREATE TABLE fuzz_writes (tbl text PRIMARY KEY, n bigint NOT NULL)`);
  await db.query(`CREATE FUNCTION fuzz_count_write() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    BEGIN INSERT INTO fuzz_writes VALUES (TG_TABLE_NAME, 1) ON CONFLICT (tbl) DO UPDATE SET n = fuzz_writes.n + 1; RETURN NULL; END $$`);
  for (const name of counted) {
    await db.query(
      `CREATE TRIGGER fuzz_count_write AFTER INSERT OR UPDATE OR DELETE ON "${name}" FOR EACH ROW EXECUTE FUNCTION fuzz_count_write()`,
    );
  }
  expect(counted).toEqual(expect.arrayContaining(['audit_log', 'cities', 'engagements', 'stories', 'users']));
  // The counter sees a write through the app's own connection, and not a rolled-back one.
  const before = await snapshot();
  await t.dataSource
    .transaction(async (m) => {
      await m.query(`UPDATE hubs SET name = name WHERE id = $1`, [ids.hub]);
      throw new Error('roll back');
    })
    .catch(() => undefined);
  expect(await snapshot()).toBe(before);
  await t.dataSource.query(`UPDATE hubs SET name = name WHERE id = $1`, [ids.hub]);
  expect(await snapshot()).not.toBe(before);
  // SQL keywords as SQL writes them, PostgreSQL's own words, and table names no message would use.
  const tableNames = [...tables.keys()].filter((n) => n.includes('_')).join('|');
  SQL = new RegExp(
    `\\bSELECT\\b|\\bINSERT INTO\\b|\\bUPDATE \\S+ SET\\b|\\bDELETE FROM\\b|syntax error|QueryFailedError|violates|duplicate key|invalid input syntax|relation "|\\b(${tableNames})\\b`,
  );
  lastSnapshot = await snapshot();
  console.log(`fuzz: seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
  fuzzStarted = { wall: performance.now(), cpu: process.cpuUsage() };
}, 180_000);

afterAll(async () => {
  const cpu = process.cpuUsage(fuzzStarted.cpu);
  console.log(
    `fuzz: ${requests} requests in ${Math.round((performance.now() - fuzzStarted.wall) / 1000)} s ` +
      `(CPU of this process ${Math.round((cpu.user + cpu.system) / 1e6)} s), seed ${SEED}, ` +
      `statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
  );
  if (process.env['FUZZ_PROFILE'])
    console.log(
      [...profile]
        .sort(([, a], [, b]) => b - a)
        .slice(0, 25)
        .map(([k, v]) => `${k}: ${Math.round(v)} ms`)
        .join('\n'),
    );
  await db?.end();
  await t?.close();
});

const routesOf = (method: string) =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    ops[method] ? [{ route: `${method.toUpperCase()} ${path}`, path, op: ops[method] }] : [],
  );

/** A real id for a path parameter, by the collection it follows. */
function realId(path: string, param: string): string {
  const before = path.split(`{${param}}`)[0];
  if (param === 'commitmentId' || before.endsWith('/commitments/')) return ids.commitment;
  if (before.endsWith('/stories/')) return ids.published;
  if (param === 'revision') return '1';
  const byCollection: Record<string, string> = {
    '/api/cities/': ids.nansana,
    '/api/engagements/': ids.engagement,
    '/api/follow-ups/': ids.followUp,
    '/api/outcomes/': ids.outcome,
    '/api/partners/': ids.partner,
    '/api/users/': ids.admin,
    '/api/hubs/': ids.esa,
  };
  return Object.entries(byCollection).find(([suffix]) => before.endsWith(suffix))?.[1] ?? randomUUID();
}

const QUERY_EXTRAS = ['q', 'sort', 'page', 'pageSize', '__proto__', 'constructor', 'toString', 'a[b]', 'q[]', 'unknown', '\u0000', 'é'];

describe('fuzz', () => {
  it('has a valid body for every POST and PATCH route of the API', () => {
    const writes = [...routesOf('post'), ...routesOf('patch')].map((r) => r.route);
    expect(writes.filter((r) => !VALID[r]).sort()).toEqual([]);
    expect(Object.keys(VALID).filter((r) => !writes.includes(r))).toEqual([]);
  });

  it('answers hostile query strings and path segments on every GET route below 500, and writes nothing', async () => {
    const gets = routesOf('get');
    expect(gets.map((g) => g.route)).toEqual(
      expect.arrayContaining(['GET /api/cities', 'GET /api/cities/export.csv', 'GET /api/audit', 'GET /api/search']),
    );
    const route = fc.constantFrom(...gets);
    const request = route.chain((g) => {
      const declared = (g.op.parameters ?? []).filter((p) => p.in === 'query');
      const enums = declared.flatMap((p) => p.schema?.enum ?? []);
      const names = fc.oneof(
        {
          weight: 4,
          arbitrary: fc.constantFrom(...(declared.length ? declared.map((p) => p.name) : ['q'])),
        },
        { weight: 1, arbitrary: fc.constantFrom(...QUERY_EXTRAS) },
      );
      const value = fc.oneof(
        { weight: 5, arbitrary: hostileText(enums).map(encode) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('%', '%zz', '%E0%A4', '%00', '%C0%80', '%ED%A0%80', '+', '%2B', '&', '='),
        },
      );
      const params = [...g.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const segment = fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.uuid() },
        { weight: 2, arbitrary: hostileText().map(encode) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('%00', '..', '%2E%2E', '%2F', 'constructor', '__proto__', '%', 'x'.repeat(20_000)),
        },
      );
      return fc.record({
        g: fc.constant(g),
        pairs: fc.array(fc.tuple(names, value), { maxLength: 5 }),
        segments: fc.array(segment, {
          minLength: params.length,
          maxLength: params.length,
        }),
        who: fc.constantFrom<Who>('admin', 'admin', 'admin', 'liaison', 'anonymous'),
      });
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ g, pairs, segments, who }) => {
        let i = 0;
        const path = g.path.replace(/\{(\w+)\}/g, (_m, p: string) => segments[i++] ?? realId(g.path, p));
        const query = pairs.map(([k, v]) => `${encode(k)}=${v}`).join('&');
        await check({
          method: 'GET',
          path: query ? `${path}?${query}` : path,
          who,
        });
      }),
      { seed: SEED, numRuns: RUNS.get, endOnFailure: true },
    );
  }, 300_000);

  it('answers single-field mutations of valid bodies on every create and update route below 500; a 4xx writes nothing', async () => {
    const writes = [...routesOf('post'), ...routesOf('patch')].filter((r) => !SESSION_ROUTES.includes(r.route) && r.route !== LOGIN_ROUTE);
    const request = fc.record({
      route: fc.constantFrom(...writes.map((w) => w.route)),
      pick: fc.nat(),
      unknownField: unknownField,
      mutant: hostileValue,
      who: fc.constantFrom<Who>('admin', 'admin', 'admin', 'liaison'),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ route, pick, unknownField, mutant, who }) => {
        const valid = VALID[route];
        const body = await valid.body();
        const paths = fieldPaths(body);
        const path = unknownField !== null ? [unknownField] : paths[pick % paths.length];
        await check({
          method: route.split(' ')[0],
          path: valid.path(),
          body: mutate(body, path, mutant),
          who,
        });
      }),
      { seed: SEED + 1, numRuns: RUNS.body, endOnFailure: true },
    );
  }, 300_000);

  it('refuses null for every field the document does not mark nullable, on every create and update route: 400 naming it, nothing written', async () => {
    const writes = [...routesOf('post'), ...routesOf('patch')].filter((r) => !SESSION_ROUTES.includes(r.route) && r.route !== LOGIN_ROUTE);
    const refused: string[] = [];
    let tried = 0;
    for (const w of writes) {
      const ref = w.op.requestBody?.content?.['application/json']?.schema?.$ref;
      const properties = ref ? (doc.components.schemas[ref.split('/').pop() as string]?.properties ?? {}) : {};
      for (const [field, schema] of Object.entries(properties)) {
        if (schema.nullable) continue;
        const valid = VALID[w.route];
        const body = { ...(await valid.body()), [field]: null };
        tried++;
        const res = await check({ method: w.route.split(' ')[0], path: valid.path(), body: JSON.stringify(body), who: 'admin' }).catch(
          (e: Error) => ({ status: 500, json: e.message }),
        );
        const named = JSON.stringify(res.json ?? '').includes(field);
        if (res.status !== 400 || !named) refused.push(`${w.route} ${field}: ${res.status}`);
      }
    }
    expect(tried).toBeGreaterThan(50);
    expect(refused).toEqual([]);
  }, 300_000);

  it('does the same on the session routes (refresh, logout, my preferences), keeping a live session for each', async () => {
    const signInSession = async () => {
      const session = await demoSignIn(t.http, SESSION_USER);
      tokens.session = session.accessToken;
      sessionRefreshToken = session.refreshToken;
      sessionLive = true;
      lastSnapshot = await snapshot();
    };
    const request = fc.record({
      route: fc.constantFrom(...SESSION_ROUTES),
      pick: fc.nat(),
      mutant: hostileValue,
      unknownField: unknownField,
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ route, pick, mutant, unknownField }) => {
        const valid = VALID[route];
        if (valid.who === 'session' && !sessionLive) await signInSession();
        const body = await valid.body();
        const paths = fieldPaths(body);
        const path = unknownField !== null ? [unknownField] : paths[pick % paths.length];
        const res = await check({
          method: route.split(' ')[0],
          path: valid.path(),
          body: mutate(body, path, mutant),
          who: valid.who ?? 'admin',
        });
        // A logout ends the session; a refresh spends the token and hands out the next one.
        if (route === 'POST /api/auth/logout' && res.status < 300) sessionLive = false;
        if (route === 'POST /api/auth/refresh' && res.status === 200) refreshToken = (res.json as { refreshToken: string }).refreshToken;
      }),
      { seed: SEED + 2, numRuns: RUNS.session, endOnFailure: true },
    );
  }, 300_000);

  it('does the same on sign-in (last: failed sign-ins are counted per address)', async () => {
    const valid = VALID[LOGIN_ROUTE];
    const request = fc.record({ pick: fc.nat(), mutant: hostileValue });
    await fc.assert(
      fc.asyncProperty(request, async ({ pick, mutant }) => {
        const body = await valid.body();
        const paths = fieldPaths(body);
        await check({
          method: 'POST',
          path: valid.path(),
          body: mutate(body, paths[pick % paths.length], mutant),
          who: 'anonymous',
        });
      }),
      { seed: SEED + 3, numRuns: RUNS.login, endOnFailure: true },
    );
    expect(requests).toBeGreaterThanOrEqual(5000);
  }, 300_000);
});

import request from 'supertest';
import { createTestApp, type TestApp } from './test-app';
import { PRINCIPALS, type MatrixRequest, type MatrixRow, type MatrixWorld, type PrincipalName } from './authz/matrix';
import { MATRIX_ROWS } from './authz/rows';
import { demoSignIn } from './demo-sign-in';
import { followThroughWorld, PEOPLE } from './follow-through-world';

let t: TestApp;
let world: MatrixWorld;
const tokens: Partial<Record<PrincipalName, string>> = {};
let counter = 0;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  // The follow-through people are the matrix's principals, played by the same demo users.
  const people = await followThroughWorld(t);
  Object.assign(tokens, people.tokens);
  world = {
    db: t.dataSource,
    hubX: people.hubX,
    hubY: ((await t.dataSource.query(`SELECT id FROM hubs WHERE code = $1`, ['balkans'])) as { id: string }[])[0]?.id,
    cityA: people.cityA,
    cityB: people.cityB,
    userIds: people.users,
    unique: () => `${Date.now().toString(36)}${(counter++).toString(36)}`,
    signIn: async (who) => (await demoSignIn(t.http, PEOPLE[who])).accessToken,
  };
}, 120_000);

afterAll(async () => {
  await t?.close();
});

function send(row: MatrixRow, method: string, req: MatrixRequest, token?: string) {
  const agent = request(t.app.getHttpServer());
  const call = (agent as unknown as Record<string, (path: string) => request.Test>)[method.toLowerCase()](req.path);
  if (token) call.set('Authorization', `Bearer ${token}`);
  if (req.file) return call.attach(req.file.field, Buffer.from(req.file.content), req.file.name);
  return req.body === undefined ? call : call.send(req.body as object);
}

describe('authorization matrix', () => {
  it('sets up the world it needs', () => {
    expect(world.hubX && world.hubY && world.cityA && world.cityB).toBeTruthy();
  });

  it('lists every route of the API, and only those', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    const listed = MATRIX_ROWS.map((r) => r.route);
    expect(routes.filter((r) => !listed.includes(r)).sort()).toEqual([]);
    expect(listed.filter((r) => !routes.includes(r)).sort()).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
  });

  describe.each(MATRIX_ROWS.map((row) => [row.route, row] as const))('%s', (_route, row) => {
    it.each(PRINCIPALS.map((p) => [p, row.expect[p]] as const))('%s → %i', async (who, status) => {
      const [method] = row.route.split(' ');
      const req = await row.request(world, who);
      const res = await send(row, method, req, req.token ?? tokens[who]);
      if (res.status !== status) {
        // Say what came back, so a failing cell explains itself.
        throw new Error(`${row.route} as ${who}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
      }
      expect(res.status).toBe(status);
      if (status >= 400) expect(res.body).toMatchObject({ statusCode: status });
    });
  });
});

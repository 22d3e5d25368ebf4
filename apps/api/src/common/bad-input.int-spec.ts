import { demoSpec } from '../../test/demo-spec';
import type { Response } from 'supertest';

/**
 * Each case an outside review found answering 500 (or a 201 that should have been a 400), as a
 * client sees it: a 400 in the API error shape whose `details` name the field, and nothing written.
 */
const t = demoSpec('admin', 'esa');
const { as } = t;
let esa: string, nansana: string;
beforeAll(() => ([esa, nansana] = [t.hub('esa'), t.city('Nansana')]));

const auditRows = async (): Promise<number> => (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n;

/** A 400 in the error shape, naming `field`, with no stack trace or SQL in it. */
function expect400(res: Response, field: string): void {
  if (res.status !== 400) throw new Error(`expected 400 naming ${field}, got ${res.status} ${JSON.stringify(res.body)}`);
  expect(res.body).toMatchObject({
    statusCode: 400,
    error: 'Bad Request',
    message: expect.any(String),
  });
  expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, message: expect.any(String) })]));
  expect(JSON.stringify(res.body)).not.toMatch(/\bat \S+ \(|\.ts:\d+|node_modules|SELECT|INSERT|syntax error/);
}

const newCity = () => ({
  name: 'Mombasa',
  countryCode: 'KE',
  hubId: esa,
  kind: 'city',
  membershipStatus: 'member',
});
const newCommitment = () => ({
  title: 'A youth desk',
  kind: 'youth_council',
  cityId: nansana,
});

describe('control characters', () => {
  it('refuses a NUL byte in q on a list and on its CSV export', async () => {
    expect400(await t.http.get('/api/cities?q=Nan%00sana').set(as('admin')), 'q');
    expect400(await t.http.get('/api/engagements/export.csv?q=%00').set(as('admin')), 'q');
    expect400(await t.http.get('/api/users/lookup?q=a%00').set(as('admin')), 'q');
  });

  it('refuses a NUL byte in a title and writes nothing', async () => {
    const before = await auditRows();
    expect400(
      await t.http
        .post('/api/commitments')
        .set(as('admin'))
        .send({ ...newCommitment(), title: 'Youth\u0000desk' }),
      'title',
    );
    expect(await auditRows()).toBe(before);
  });

  it('refuses a NUL byte in a multi-line body string and in a nested one (quotes.0.text, participants)', async () => {
    const before = await auditRows();
    const engagement = {
      title: 'Dialogue',
      type: 'roundtable',
      hubId: esa,
      startDate: '2025-01-10',
      summary: 'Line one\nline\u0000two',
    };
    expect400(await t.http.post('/api/engagements').set(as('admin')).send(engagement), 'summary');
    const story = {
      title: 'A story',
      category: 'youth',
      cityIds: [nansana],
      quotes: [{ text: 'We\u0000met', attribution: 'A mayor' }],
    };
    expect400(await t.http.post('/api/stories').set(as('admin')).send(story), 'quotes.0.text');
    expect(await auditRows()).toBe(before);
  });

  it('refuses other control characters, DEL and lone surrogates, and a NUL in a route parameter', async () => {
    expect400(
      await t.http
        .post('/api/cities')
        .set(as('admin'))
        .send({ ...newCity(), name: 'Bell\u0007town' }),
      'name',
    );
    expect400(await t.http.get('/api/partners?q=%7F').set(as('admin')), 'q');
    // A JSON escape is the one way a lone surrogate arrives; PostgreSQL would store U+FFFD instead.
    const loneSurrogate =
      '{"name":"Half \\ud800 a pair","countryCode":"KE","hubId":"' + esa + '","kind":"city","membershipStatus":"member"}';
    expect400(await t.http.post('/api/cities').set(as('admin')).set('Content-Type', 'application/json').send(loneSurrogate), 'name');
    expect400(await t.http.get('/api/cities/%00').set(as('admin')), 'id');
  });

  it('keeps tabs and line breaks in multi-line text, refuses them in a single-line title', async () => {
    const res = await t.http
      .post('/api/engagements')
      .set(as('admin'))
      .send({
        title: 'Dialogue',
        type: 'roundtable',
        hubId: esa,
        startDate: '2025-01-10',
        summary: 'Line one\r\n\tline two',
      })
      .expect(201);
    expect(res.body.summary).toBe('Line one\r\n\tline two');
    expect400(
      await t.http
        .post('/api/commitments')
        .set(as('admin'))
        .send({ ...newCommitment(), title: 'Two\nlines' }),
      'title',
    );
  });
});

describe('sort names that are Object.prototype members', () => {
  const lists = ['cities', 'engagements', 'commitments', 'follow-ups', 'outcomes', 'partners'];
  const routes = [
    ...lists.map((l) => `/api/${l}`),
    ...lists.map((l) => `/api/${l}/export.csv`),
    '/api/stories',
    '/api/users',
    '/api/audit',
  ];
  const names = ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf', 'constructor:desc'];

  it.each(routes)('%s answers 400 naming sort for each of them', async (route) => {
    for (const name of names) expect400(await t.http.get(`${route}?sort=${name}`).set(as('admin')), 'sort');
  });

  it('still sorts by a real field', async () => {
    const res = await t.http.get('/api/cities?sort=name:desc&pageSize=3').set(as('admin')).expect(200);
    const names = res.body.items.map((c: { name: string }) => c.name);
    expect(names).toEqual([...names].sort().reverse());
  });

  it('/api/audit answers 400 naming entity for entity=constructor, for an admin and for a hub manager', async () => {
    expect400(await t.http.get('/api/audit?entity=constructor').set(as('admin')), 'entity');
    expect400(await t.http.get(`/api/audit?entity=constructor&entityId=${nansana}`).set(as('esa')), 'entity');
    expect400(await t.http.get(`/api/audit?entity=__proto__&entityId=${nansana}`).set(as('esa')), 'entity');
    await t.http.get(`/api/audit?entity=city&entityId=${nansana}`).set(as('esa')).expect(200);
  });
});

describe('deeply nested JSON', () => {
  it('answers a body nested 5,000 levels deep with 400 before anything else runs', async () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    const res = await t.http.post('/api/cities').set(as('admin')).set('Content-Type', 'application/json').send(deep);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      message: expect.stringMatching(/nested too deeply/),
    });
    // Before the guard too: no sign-in needed to be refused.
    const anonymous = await t.http
      .post('/api/cities')
      .set('Content-Type', 'application/json')
      .send('['.repeat(5000) + ']'.repeat(5000));
    expect(anonymous.status).toBe(400);
  });

  it('refuses 33 levels and lets an ordinary nested body through', async () => {
    const res = await t.http
      .post('/api/cities')
      .set(as('admin'))
      .set('Content-Type', 'application/json')
      .send('['.repeat(33) + ']'.repeat(33));
    expect(res.body.message).toMatch(/nested too deeply/);
    const story = {
      title: 'Nested but fine',
      category: 'youth',
      cityIds: [nansana],
      quotes: [{ text: 'We met', attribution: 'A mayor' }],
    };
    await t.http.post('/api/stories').set(as('admin')).send(story).expect(201);
  });
});

describe('text is validated after trimming', () => {
  it('refuses a city named " " with 400 naming name, and stores nothing', async () => {
    const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM cities`))[0].n;
    expect400(
      await t.http
        .post('/api/cities')
        .set(as('admin'))
        .send({ ...newCity(), name: ' ' }),
      'name',
    );
    expect400(
      await t.http
        .post('/api/cities')
        .set(as('admin'))
        .send({ ...newCity(), name: ' \t ' }),
      'name',
    );
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM cities`))[0].n).toBe(before);
  });

  it('refuses a name made only of invisible or formatting characters (U+200B, U+202E, U+FEFF …)', async () => {
    for (const name of ['\u200B', '\u202E', '\uFEFF', '\u200B\u200C\u200D\u2060', ' \u00AD\u3164 ']) {
      expect400(
        await t.http
          .post('/api/cities')
          .set(as('admin'))
          .send({ ...newCity(), name }),
        'name',
      );
    }
    const city = await t.http
      .post('/api/cities')
      .set(as('admin'))
      .send({ ...newCity(), name: 'Kisumu' })
      .expect(201);
    expect400(await t.http.patch(`/api/cities/${city.body.id}`).set(as('admin')).send({ version: 1, name: '\u200B' }), 'name');
    expect400(
      await t.http
        .post('/api/stories')
        .set(as('admin'))
        .send({ title: '\u200B', category: 'youth', cityIds: [nansana] }),
      'title',
    );
  });

  it('stores a name with spaces around it trimmed, and keeps a meaningful mark inside the text', async () => {
    const res = await t.http
      .post('/api/cities')
      .set(as('admin'))
      .send({ ...newCity(), name: '  Eldoret  ' })
      .expect(201);
    expect(res.body.name).toBe('Eldoret');
    const arabic = await t.http
      .post('/api/cities')
      .set(as('admin'))
      .send({ ...newCity(), name: ' الرباط\u200F ' })
      .expect(201);
    expect(arabic.body.name).toBe('الرباط\u200F');
  });

  it('does not trim a password: spaces around it are part of it', async () => {
    const email = `spaced-${Date.now()}@impact.test`;
    const password = '  spaces around my pass phrase  ';
    await t.http
      .post('/api/users')
      .set(as('admin'))
      .send({
        email,
        name: 'Spaced',
        password,
        role: 'leadership',
        hubIds: [],
        cityIds: [],
      })
      .expect(201);
    await t.http.post('/api/auth/login').send({ email, password }).expect(200);
    await t.http.post('/api/auth/login').send({ email, password: password.trim() }).expect(401);
  });
});

describe('values the database would refuse', () => {
  it('refuses a version beyond the integer column with 400 naming version', async () => {
    const city = await t.http
      .post('/api/cities')
      .set(as('admin'))
      .send({ ...newCity(), name: 'Nakuru' })
      .expect(201);
    expect400(
      await t.http
        .patch(`/api/cities/${city.body.id}`)
        .set(as('admin'))
        .send({ version: 2 ** 31, name: 'Nakuru' }),
      'version',
    );
  });

  it('counts length in characters as PostgreSQL does (a title of 300 emoji with variation selectors is too long)', async () => {
    expect400(
      await t.http
        .post('/api/commitments')
        .set(as('admin'))
        .send({ ...newCommitment(), title: '\u2764\uFE0F'.repeat(300) }),
      'title',
    );
    await t.http
      .post('/api/commitments')
      .set(as('admin'))
      .send({ ...newCommitment(), title: '\u2764\uFE0F'.repeat(150) })
      .expect(201);
  });

  it('caps arrays of ids', async () => {
    const ids = Array.from({ length: 501 }, () => nansana);
    expect400(
      await t.http.post('/api/engagements').set(as('admin')).send({
        title: 'Big',
        type: 'roundtable',
        hubId: esa,
        startDate: '2025-01-10',
        participatingCityIds: ids,
      }),
      'participatingCityIds',
    );
    expect400(
      await t.http.post('/api/users').set(as('admin')).send({
        email: 'one-id@impact.test',
        name: 'One id',
        password: 'Fuzz-passphrase-7Q2x',
        role: 'city_liaison',
        hubIds: [],
        cityIds: nansana,
      }),
      'cityIds',
    );
  });
});

describe('nested objects in the wrong shape', () => {
  it('refuses an array where an object belongs (quotes: [[]], participants: [], sensitivity: [])', async () => {
    const story = { title: 'Shapes', category: 'youth', cityIds: [nansana] };
    expect400(
      await t.http
        .post('/api/stories')
        .set(as('admin'))
        .send({ ...story, quotes: [[]] }),
      'quotes',
    );
    expect400(
      await t.http
        .post('/api/stories')
        .set(as('admin'))
        .send({ ...story, quotes: [null] }),
      'quotes',
    );
    const created = await t.http.post('/api/stories').set(as('admin')).send(story).expect(201);
    expect400(await t.http.patch(`/api/stories/${created.body.id}`).set(as('admin')).send({ version: 1, sensitivity: [] }), 'sensitivity');
    expect400(
      await t.http.post('/api/engagements').set(as('admin')).send({
        title: 'Shapes',
        type: 'roundtable',
        hubId: esa,
        startDate: '2025-01-10',
        participants: [],
      }),
      'participants',
    );
  });
});

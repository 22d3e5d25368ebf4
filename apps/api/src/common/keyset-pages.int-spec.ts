import { demoSpec, type DemoUser } from '../../test/demo-spec';

/**
 * Keyset paging (`after` = a `nextCursor`) on the commitments, engagements and follow-ups lists: walking
 * a list by cursor gives exactly the pages of offset paging (items, total, page numbers), ties and NULL
 * keys included, in the caller's scope; a cursor that is not one is a 400 naming `after`.
 */
const t = demoSpec('admin', 'esa', 'nansana');
const { as } = t;

interface PageBody {
  items: { id: string }[];
  total: number;
  page: number;
  pageSize: number;
  nextCursor?: string | null;
}

async function get(path: string, who: DemoUser): Promise<PageBody> {
  const res = await t.http.get(path).set(as(who));
  expect(res.status).toBe(200);
  return res.body as PageBody;
}

/** Every page of `path` by offset and by cursor (requests one at a time); both walks must agree page by page. */
async function walkBoth(path: string, who: DemoUser, pageSize: number) {
  const sep = path.includes('?') ? '&' : '?';
  const byOffset: PageBody[] = [];
  for (let page = 1; ; page++) {
    const body = await get(`${path}${sep}pageSize=${pageSize}&page=${page}`, who);
    byOffset.push(body);
    if (page * pageSize >= body.total) break;
  }
  const byCursor: PageBody[] = [await get(`${path}${sep}pageSize=${pageSize}`, who)];
  while (byCursor[byCursor.length - 1].nextCursor) {
    const after = byCursor[byCursor.length - 1].nextCursor as string;
    byCursor.push(await get(`${path}${sep}pageSize=${pageSize}&after=${after}`, who));
  }
  const strip = (p: PageBody) => ({ items: p.items, total: p.total, page: p.page, pageSize: p.pageSize });
  expect(byCursor.map(strip)).toEqual(byOffset.map(strip));
  // Every cursor page but the last says where the next starts; the last says null.
  expect(byCursor.slice(0, -1).every((p) => typeof p.nextCursor === 'string')).toBe(true);
  expect(byCursor[byCursor.length - 1].nextCursor).toBeNull();
  const ids = byCursor.flatMap((p) => p.items.map((i) => i.id));
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe(byOffset[0].total);
  return ids;
}

describe('keyset paging', () => {
  let nansana: string;
  beforeAll(async () => {
    nansana = t.city('Nansana');
    // Ties on the sort key and NULL keys: seven commitments on one target date, three without one.
    for (const targetDate of [...Array(7).fill('2031-05-05'), null, null, null, '2031-01-01', '2032-01-01']) {
      const res = await t.http
        .post('/api/commitments')
        .set(as('esa'))
        .send({ title: 'Keyset tie', kind: 'other', cityId: nansana, ...(targetDate ? { targetDate } : {}) });
      expect(res.status).toBe(201);
    }
  });

  it('walks the commitments by cursor as by offset: ties broken by id, NULL dates last, both directions', async () => {
    for (const sort of ['targetDate:asc', 'targetDate:desc']) {
      const ids = await walkBoth(`/api/commitments?q=Keyset%20tie&sort=${sort}`, 'esa', 3);
      expect(ids).toHaveLength(12);
    }
    // The default "needs attention" order (several keys) over every commitment the admin reads.
    await walkBoth('/api/commitments', 'admin', 17);
  });

  it('walks engagements and follow-ups by cursor as by offset, and keeps the caller’s scope', async () => {
    await walkBoth('/api/engagements', 'admin', 23);
    await walkBoth('/api/follow-ups', 'admin', 19);
    await walkBoth('/api/follow-ups?sort=dueDate:desc', 'esa', 7);
    const liaison = await walkBoth('/api/commitments?sort=title:asc', 'nansana', 5);
    const mine = await get('/api/commitments?pageSize=200', 'nansana');
    expect(new Set(liaison)).toEqual(new Set(mine.items.map((i) => i.id)));
  });

  it('refuses a cursor that is not one, naming after; a cursor of another sort; after with page', async () => {
    const first = await get('/api/commitments?q=Keyset%20tie&sort=targetDate:asc&pageSize=3', 'esa');
    const cursor = first.nextCursor as string;
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const tampered = Buffer.from(JSON.stringify({ ...decoded, k: ['not a date', decoded.k[1]] })).toString('base64url');
    for (const path of [
      '/api/commitments?after=abc',
      '/api/commitments?after=not%20base64!',
      `/api/commitments?sort=title:asc&after=${cursor}`,
      `/api/commitments?sort=targetDate:asc&after=${tampered}`,
      `/api/commitments?sort=targetDate:asc&page=2&after=${cursor}`,
      `/api/commitments/export.csv?after=${cursor}`,
    ]) {
      const res = await t.http.get(path).set(as('esa'));
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect((res.body.details as { field: string }[]).map((d) => d.field)).toEqual(['after']);
    }
  });
});

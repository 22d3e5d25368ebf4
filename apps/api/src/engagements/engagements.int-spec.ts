import { createStory } from '../../test/story-drafts';
import { demoSpec } from '../../test/demo-spec';
const t = demoSpec('esa', 'balkans', 'nansana', 'danilovgrad');
const { as, count } = t;
let esa: string, nansana: string, capeTown: string, partner: string;
beforeAll(async () => {
  [esa, nansana, capeTown] = [t.hub('esa'), t.city('Nansana'), t.city('Cape Town')];
  partner = (await t.dataSource.query(`SELECT id FROM partners ORDER BY name LIMIT 1`))[0].id;
});

const base = () => ({
  title: 'Learning visit to Cape Town',
  type: 'learning_visit',
  hubId: esa,
  startDate: '2023-12-04',
  endDate: '2023-12-06',
  hostCityId: capeTown,
  locationCityId: capeTown,
  participatingCityIds: [nansana],
  partnerIds: [partner],
  participants: { total: 40, mayors: 8, officials: 20, youth: 5, women: 18, communityLeaders: 4 },
  summary: 'Mayors and officials of East and Southern Africa',
  evidenceLinks: ['https://example.org/report'],
});

describe('engagements', () => {
  it('creates the engagement with its cities and partners in one transaction, names resolved', async () => {
    const res = await t.http.post('/api/engagements').set(as('esa')).send(base()).expect(201);
    expect(res.body).toMatchObject({
      hubName: 'East & Southern Africa',
      hostCityName: 'Cape Town',
      partnerIds: [partner],
      participants: { total: 40, communityLeaders: 4 },
      version: 1,
    });
    // The host city counts among the participating cities.
    expect([...res.body.participatingCityIds].sort()).toEqual([capeTown, nansana].sort());
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'engagement' AND entity_id = $1`, [res.body.id])).toBe(1);
  });

  it('keeps the host among the participants when the host or the participants change', async () => {
    const created = await t.http
      .post('/api/engagements')
      .set(as('esa'))
      .send({ ...base(), hostCityId: null, participatingCityIds: [] })
      .expect(201);
    expect(created.body.participatingCityIds).toEqual([]);
    const hosted = await t.http
      .patch(`/api/engagements/${created.body.id}`)
      .set(as('esa'))
      .send({ version: 1, hostCityId: nansana })
      .expect(200);
    expect(hosted.body.participatingCityIds).toEqual([nansana]);
    const listed = await t.http
      .patch(`/api/engagements/${created.body.id}`)
      .set(as('esa'))
      .send({ version: 2, participatingCityIds: [capeTown] })
      .expect(200);
    expect([...listed.body.participatingCityIds].sort()).toEqual([capeTown, nansana].sort());
  });

  it('refuses a group larger than the total with a 400 naming that group, and writes nothing', async () => {
    const rows = await count(`SELECT count(*)::int AS n FROM engagements`);
    const res = await t.http
      .post('/api/engagements')
      .set(as('esa'))
      .send({ ...base(), participants: { total: 10, mayors: 2, officials: 12, youth: 0, women: 11, communityLeaders: 0 } })
      .expect(400);
    expect(res.body.details).toEqual([
      { field: 'participants.officials', message: 'officials (12) must not be more than total (10)' },
      { field: 'participants.women', message: 'women (11) must not be more than total (10)' },
    ]);
    expect(await count(`SELECT count(*)::int AS n FROM engagements`)).toBe(rows);
  });

  it('rolls everything back when a partner does not exist: 400 on partnerIds, no engagement, no audit', async () => {
    const rows = await count(`SELECT count(*)::int AS n FROM engagements`);
    const links = await count(`SELECT count(*)::int AS n FROM engagement_cities`);
    const audits = await count(`SELECT count(*)::int AS n FROM audit_log`);
    const res = await t.http
      .post('/api/engagements')
      .set(as('esa'))
      .send({ ...base(), partnerIds: [partner, '00000000-0000-4000-8000-000000000000'] })
      .expect(400);
    expect(res.body.details).toEqual([{ field: 'partnerIds', message: expect.any(String) }]);
    expect(await count(`SELECT count(*)::int AS n FROM engagements`)).toBe(rows);
    expect(await count(`SELECT count(*)::int AS n FROM engagement_cities`)).toBe(links);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log`)).toBe(audits);
  });

  it('validates dates, counts and links, naming each field', async () => {
    const res = await t.http
      .post('/api/engagements')
      .set(as('esa'))
      .send({
        ...base(),
        startDate: '2024-05-10',
        endDate: '2024-05-01',
        participants: { total: 3, mayors: 8, officials: -1, youth: 0, women: 0, communityLeaders: 0 },
        evidenceLinks: ['javascript:alert(1)'],
        hostCityId: 'not-a-uuid',
      })
      .expect(400);
    const fields = (res.body.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining(['endDate', 'participants.mayors', 'participants.officials', 'evidenceLinks', 'hostCityId']),
    );
  });

  it('shows a liaison the engagements its city took part in, and no others', async () => {
    const created = await t.http.post('/api/engagements').set(as('esa')).send(base()).expect(201);
    await t.http.get(`/api/engagements/${created.body.id}`).set(as('nansana')).expect(200);
    await t.http.get(`/api/engagements/${created.body.id}`).set(as('danilovgrad')).expect(404);
    const mine = await t.http.get('/api/engagements?pageSize=200').set(as('nansana')).expect(200);
    const expected: { id: string }[] = await t.dataSource.query(
      `SELECT e.id FROM engagements e WHERE e.archived_at IS NULL AND (e.host_city_id = $1 OR e.location_city_id = $1
         OR EXISTS (SELECT 1 FROM engagement_cities ec WHERE ec.engagement_id = e.id AND ec.city_id = $1))`,
      [nansana],
    );
    expect(expected.map((e) => e.id)).toContain(created.body.id);
    expect(mine.body.total).toBe(expected.length);
    expect(mine.body.items.map((e: { id: string }) => e.id).sort()).toEqual(expected.map((e) => e.id).sort());
    await t.http.patch(`/api/engagements/${created.body.id}`).set(as('balkans')).send({ version: 1, summary: 'x' }).expect(403);
  });

  it('filters by city, type and dates; q finds Arabic; 409 on a stale version', async () => {
    const created = await t.http
      .post('/api/engagements')
      .set(as('esa'))
      .send({ ...base(), title: 'حوار وطني محلي في كمبالا', type: 'national_local_dialogue', startDate: '2031-04-01', endDate: null })
      .expect(201);
    const q = await t.http
      .get(`/api/engagements?q=${encodeURIComponent('حوار وطني')}`)
      .set(as('esa'))
      .expect(200);
    expect(q.body.items.map((e: { id: string }) => e.id)).toEqual([created.body.id]);
    const byDate = await t.http
      .get(`/api/engagements?from=2031-01-01&to=2031-12-31&type=national_local_dialogue&cityId=${nansana}`)
      .set(as('esa'))
      .expect(200);
    expect(byDate.body).toMatchObject({ total: 1, items: [{ id: created.body.id }] });
    // A partner's link: the engagements that worked with it.
    const other = (await t.dataSource.query(`SELECT id FROM partners WHERE id <> $1 ORDER BY name LIMIT 1`, [partner]))[0].id;
    const byPartner = await t.http.get(`/api/engagements?partnerId=${partner}&pageSize=200`).set(as('esa')).expect(200);
    expect(byPartner.body.items.map((e: { id: string }) => e.id)).toContain(created.body.id);
    expect(byPartner.body.items.every((e: { partnerIds: string[] }) => e.partnerIds.includes(partner))).toBe(true);
    const byOther = await t.http.get(`/api/engagements?partnerId=${other}&pageSize=200`).set(as('esa')).expect(200);
    expect(byOther.body.items.map((e: { id: string }) => e.id)).not.toContain(created.body.id);
    await t.http.get('/api/engagements?partnerId=nope').set(as('esa')).expect(400);
    await t.http.get('/api/engagements?from=2031-02-30').set(as('esa')).expect(400);
    await t.http.patch(`/api/engagements/${created.body.id}`).set(as('esa')).send({ version: 1, endDate: '2031-03-01' }).expect(400);
    await t.http.patch(`/api/engagements/${created.body.id}`).set(as('esa')).send({ version: 1, endDate: '2031-04-02' }).expect(200);
    const stale = await t.http
      .patch(`/api/engagements/${created.body.id}`)
      .set(as('esa'))
      .send({ version: 1, summary: 'late' })
      .expect(409);
    expect(stale.body.details.current).toMatchObject({ endDate: '2031-04-02', version: 2 });
  });

  it("gives a text search's exact total on a short page, a full page, the last page and past the end", async () => {
    for (const i of [1, 2, 3, 4, 5]) {
      await t.http
        .post('/api/engagements')
        .set(as('esa'))
        .send({ ...base(), title: `Quillwort exchange ${i}` })
        .expect(201);
    }
    const matching = await count(
      `SELECT count(*)::int AS n FROM engagements WHERE archived_at IS NULL AND (title ILIKE '%quillwort%' OR summary ILIKE '%quillwort%')`,
    );
    expect(matching).toBe(5);
    const list = (query: string) => t.http.get(`/api/engagements?q=quillwort&${query}`).set(as('esa')).expect(200);
    // Short first page, full page, the last (partial) page, and a page past the end: the same total each time.
    for (const [query, rows, page] of [
      ['pageSize=50', 5, 1],
      ['pageSize=2', 2, 1],
      ['pageSize=2&page=3', 1, 3],
      ['pageSize=2&page=4', 0, 4],
    ] as const) {
      const res = await list(query);
      expect({ query, total: res.body.total, rows: res.body.items.length, page: res.body.page }).toEqual({ query, total: 5, rows, page });
    }
  });
});

describe('an engagement page: what came of it and its history', () => {
  /** An engagement hosted by Cape Town with Nansana taking part, two commitments inspired by it (one per city), a follow-up and a story. */
  async function engagementWithResults() {
    const engagement = (await t.http.post('/api/engagements').set(as('esa')).send(base()).expect(201)).body as { id: string };
    const inspired = async (title: string, cityId: string) =>
      (
        await t.http
          .post('/api/commitments')
          .set(as('esa'))
          .send({ title, kind: 'youth_council', cityId, inspiredByEngagementIds: [engagement.id] })
          .expect(201)
      ).body as { id: string };
    const inNansana = await inspired('Youth desk in Nansana', nansana);
    const inCapeTown = await inspired('Youth desk in Cape Town', capeTown);
    const followUp = (
      await t.http
        .post('/api/follow-ups')
        .set(as('esa'))
        .send({ engagementId: engagement.id, title: 'Send the workshop report', kind: 'check_in', dueDate: '2031-01-15' })
        .expect(201)
    ).body as { id: string };
    const story = await createStory(t, as('esa'), {
      title: 'Two cities, one youth desk',
      category: 'youth',
      cityIds: [nansana],
      body: 'Draft.',
      engagementIds: [engagement.id],
    });
    return { engagement, inNansana, inCapeTown, followUp, story };
  }

  const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();

  it('lists the commitments it inspired, its follow-ups and the stories citing it: as many as the tables hold', async () => {
    const { engagement, inNansana, inCapeTown, followUp, story } = await engagementWithResults();
    // Archived records leave the page as they leave the lists.
    const archived = (
      await t.http
        .post('/api/commitments')
        .set(as('esa'))
        .send({ title: 'Withdrawn pledge', kind: 'youth_council', cityId: nansana, inspiredByEngagementIds: [engagement.id] })
        .expect(201)
    ).body as { id: string };
    await t.http.delete(`/api/commitments/${archived.id}`).set(as('esa')).expect(204);

    const res = await t.http.get(`/api/engagements/${engagement.id}/related`).set(as('esa')).expect(200);
    const live = (sql: string) => count(sql, [engagement.id]);
    expect(res.body.commitments).toHaveLength(
      await live(`SELECT count(*)::int AS n FROM commitment_engagements ce JOIN commitments c ON c.id = ce.commitment_id
                   WHERE ce.engagement_id = $1 AND c.archived_at IS NULL`),
    );
    expect(res.body.followUps).toHaveLength(
      await live(`SELECT count(*)::int AS n FROM follow_ups WHERE engagement_id = $1 AND archived_at IS NULL`),
    );
    expect(res.body.stories).toHaveLength(
      await live(`SELECT count(*)::int AS n FROM story_engagements se JOIN stories s ON s.id = se.story_id
                   WHERE se.engagement_id = $1 AND s.archived_at IS NULL`),
    );
    expect(ids(res.body.commitments)).toEqual([inNansana.id, inCapeTown.id].sort());
    expect(res.body.commitments.map((c: { cityName: string }) => c.cityName).sort()).toEqual(['Cape Town', 'Nansana']);
    expect(res.body.followUps).toEqual([
      expect.objectContaining({ id: followUp.id, engagementId: engagement.id, title: 'Send the workshop report' }),
    ]);
    expect(res.body.stories).toEqual([expect.objectContaining({ id: story.id, engagementIds: [engagement.id] })]);

    // The same filters on the lists find the same records.
    const list = await t.http.get(`/api/commitments?engagementId=${engagement.id}`).set(as('esa')).expect(200);
    expect(ids(list.body.items)).toEqual(ids(res.body.commitments));
    const stories = await t.http.get(`/api/stories?engagementId=${engagement.id}`).set(as('esa')).expect(200);
    expect(ids(stories.body.items)).toEqual([story.id]);
    await t.http.get('/api/commitments?engagementId=not-a-uuid').set(as('esa')).expect(400);
  });

  it('shows a liaison only what its city may read, and a liaison of another city nothing (404)', async () => {
    const { engagement, inNansana, followUp, story } = await engagementWithResults();
    const mine = await t.http.get(`/api/engagements/${engagement.id}/related`).set(as('nansana')).expect(200);
    // Nansana's commitment, not Cape Town's; the follow-up and the story concern Nansana too.
    expect(ids(mine.body.commitments)).toEqual([inNansana.id]);
    expect(ids(mine.body.followUps)).toEqual([followUp.id]);
    expect(ids(mine.body.stories)).toEqual([story.id]);

    for (const path of ['related', 'history']) {
      const res = await t.http.get(`/api/engagements/${engagement.id}/${path}`).set(as('danilovgrad')).expect(404);
      expect(JSON.stringify(res.body)).not.toContain('Youth desk');
    }
    await t.http.get(`/api/engagements/00000000-0000-4000-8000-000000000000/related`).set(as('esa')).expect(404);
    await t.http.get(`/api/engagements/not-a-uuid/related`).set(as('esa')).expect(400);
  });

  it('tells its history: who recorded it and what each edit changed', async () => {
    const created = (await t.http.post('/api/engagements').set(as('esa')).send(base()).expect(201)).body as { id: string };
    await t.http
      .patch(`/api/engagements/${created.id}`)
      .set(as('esa'))
      .send({ version: 1, summary: 'Mayors, officials and youth' })
      .expect(200);
    const res = await t.http.get(`/api/engagements/${created.id}/history`).set(as('nansana')).expect(200);
    expect(res.body).toHaveLength(
      await count(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'engagement' AND entity_id = $1`, [created.id]),
    );
    expect(res.body).toEqual([
      expect.objectContaining({ action: 'create', actorName: expect.any(String) }),
      expect.objectContaining({
        action: 'update',
        changes: { summary: { old: 'Mayors and officials of East and Southern Africa', new: 'Mayors, officials and youth' } },
      }),
    ]);
  });
});

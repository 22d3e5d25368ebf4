import { demoSpec } from '../../test/demo-spec';

const t = demoSpec('admin', 'esa');
const { as, count } = t;

/** A fresh liaison of `city` owning one open commitment there, one open follow-up on it and one achieved commitment. */
async function liaisonWithWork(city: string) {
  const cityId = t.city(city);
  const [{ hub_id: hubId }] = await t.dataSource.query(`SELECT hub_id FROM cities WHERE id = $1`, [cityId]);
  const created = await t.http
    .post('/api/users')
    .set(as('admin'))
    .send({
      email: `leaving-${Date.now()}-${Math.random().toString(36).slice(2)}@impact.test`,
      name: 'Leaving Liaison',
      password: 'a-long-enough-password',
      role: 'city_liaison',
      hubIds: [],
      cityIds: [cityId],
    })
    .expect(201);
  const owner = created.body.id as string;
  const insertCommitment = async (status: string) =>
    (
      await t.dataSource.query(
        `INSERT INTO commitments (title, kind, city_id, hub_id, owner_id, status) VALUES ('Youth desk', 'other', $1, $2, $3, $4) RETURNING id`,
        [cityId, hubId, owner, status],
      )
    )[0].id as string;
  const open = await insertCommitment('in_progress');
  const achieved = await insertCommitment('achieved');
  const [{ id: followUp }] = await t.dataSource.query(
    `INSERT INTO follow_ups (title, kind, commitment_id, owner_id) VALUES ('Call the mayor', 'check_in', $1, $2) RETURNING id`,
    [open, owner],
  );
  return { owner, open, achieved, followUp: followUp as string };
}

const userId = async (email: string) => (await t.dataSource.query(`SELECT id FROM users WHERE email = $1`, [email]))[0].id as string;
const ownerOf = async (table: string, id: string) =>
  (await t.dataSource.query(`SELECT owner_id FROM ${table} WHERE id = $1`, [id]))[0].owner_id;

describe('deactivating a user who owns open work', () => {
  it('counts the open work and offers only people who may own all of it', async () => {
    const w = await liaisonWithWork('Nansana');
    const res = await t.http.get(`/api/users/${w.owner}/open-work`).set(as('admin')).expect(200);
    expect(res.body).toMatchObject({ followUps: 1, commitments: 1 });
    const offered = (res.body.candidates as { id: string; role: string }[]).map((p) => p.id);
    expect(offered).toContain(await userId('esa.manager@impact.test'));
    expect(offered).toContain(await userId('nansana.liaison@impact.test'));
    expect(offered).toContain(await userId('admin@impact.test'));
    expect(offered).not.toContain(await userId('balkans.manager@impact.test'));
    expect(offered).not.toContain(await userId('danilovgrad.liaison@impact.test'));
    // Leadership reads everything but may not change a commitment: it cannot own one.
    expect(offered).not.toContain(await userId('leadership@impact.test'));
    expect(offered).not.toContain(w.owner);
    await t.http.get(`/api/users/${w.owner}/open-work`).set(as('esa')).expect(403);
  });

  it('refuses someone outside the records’ scope with a 400 naming reassignToId, and writes nothing', async () => {
    const w = await liaisonWithWork('Nansana');
    const auditBefore = await count(`SELECT count(*)::int AS n FROM audit_log`);
    for (const reassignToId of [await userId('balkans.manager@impact.test'), w.owner, '00000000-0000-4000-8000-000000000000']) {
      const res = await t.http.post(`/api/users/${w.owner}/deactivate`).set(as('admin')).send({ reassignToId }).expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'reassignToId' })]);
    }
    const bad = await t.http.post(`/api/users/${w.owner}/deactivate`).set(as('admin')).send({ reassignToId: 'nobody' }).expect(400);
    expect(JSON.stringify(bad.body.details)).toContain('reassignToId');
    expect(await count(`SELECT count(*)::int AS n FROM audit_log`)).toBe(auditBefore);
    expect(await count(`SELECT count(*)::int AS n FROM users WHERE id = $1 AND active`, [w.owner])).toBe(1);
    expect(await ownerOf('commitments', w.open)).toBe(w.owner);
    expect(await ownerOf('follow_ups', w.followUp)).toBe(w.owner);
  });

  it('hands the open work over and deactivates in one transaction, each change audited; closed work stays', async () => {
    const w = await liaisonWithWork('Nansana');
    const heir = await userId('nansana.liaison@impact.test');
    await t.http.post(`/api/users/${w.owner}/deactivate`).set(as('admin')).send({ reassignToId: heir }).expect(204);
    expect(await count(`SELECT count(*)::int AS n FROM users WHERE id = $1 AND NOT active`, [w.owner])).toBe(1);
    expect(await ownerOf('commitments', w.open)).toBe(heir);
    expect(await ownerOf('follow_ups', w.followUp)).toBe(heir);
    expect(await ownerOf('commitments', w.achieved)).toBe(w.owner);
    expect(await count(`SELECT version AS n FROM commitments WHERE id = $1`, [w.open])).toBe(2);
    const audit = await t.dataSource.query(
      `SELECT entity, entity_id, action, changes FROM audit_log WHERE entity_id = ANY($1::uuid[]) AND action <> 'create' ORDER BY entity`,
      [[w.owner, w.open, w.followUp]],
    );
    expect(audit).toEqual([
      { entity: 'commitment', entity_id: w.open, action: 'update', changes: { ownerId: { old: w.owner, new: heir } } },
      { entity: 'followUp', entity_id: w.followUp, action: 'update', changes: { ownerId: { old: w.owner, new: heir } } },
      {
        entity: 'user',
        entity_id: w.owner,
        action: 'deactivate',
        changes: {
          active: { old: true, new: false },
          reassignedTo: { old: null, new: heir },
          followUps: { old: null, new: 1 },
          commitments: { old: null, new: 1 },
        },
      },
    ]);
    // The old route still deactivates without a hand-over.
    const x = await liaisonWithWork('Nansana');
    await t.http.post(`/api/users/${x.owner}/deactivate`).set(as('admin')).send({}).expect(204);
    expect(await ownerOf('commitments', x.open)).toBe(x.owner);
  });
});

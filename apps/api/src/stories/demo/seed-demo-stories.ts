import type { EntityManager } from 'typeorm';
import type { OutcomeType } from '@impact/contracts';
import { DEMO_CITIES, DEMO_COMMITMENTS, DEMO_ENGAGEMENTS } from '../../database/demo/demo-data';
import { DEMO_STORIES } from './demo-stories';
import { freezeUnfrozenStories } from '../public-stories.service';

const at = (date: string, hour = 9) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);

/**
 * Loads the demo stories inside the demo seed's transaction, after the records they tell about.
 * Authors are the hub managers, the approver the leadership user; each story gets the history a real
 * one would have (created, checklist confirmed, submitted, published).
 */
export async function seedDemoStories(m: EntityManager): Promise<number> {
  const one = async (sql: string, params: unknown[], what: string): Promise<string> => {
    const rows: { id: string }[] = await m.query(sql, params);
    if (!rows[0]) throw new Error(`Demo stories refer to an unknown ${what}`);
    return rows[0].id;
  };
  const cityId = (key: string) => {
    const city = DEMO_CITIES.find((c) => c.key === key);
    return one('SELECT id FROM cities WHERE name = $1', [city?.name ?? key], `city ${key}`);
  };
  const engagementId = (key: string) => {
    const e = DEMO_ENGAGEMENTS.find((x) => x.key === key);
    return one('SELECT id FROM engagements WHERE title = $1 ORDER BY start_date LIMIT 1', [e?.title ?? key], `engagement ${key}`);
  };
  const commitmentId = async (key: string) => {
    const c = DEMO_COMMITMENTS.find((x) => x.key === key);
    return one(
      'SELECT id FROM commitments WHERE title = $1 AND city_id = $2',
      [c?.title ?? key, await cityId(c?.city ?? key)],
      `commitment ${key}`,
    );
  };
  const hubManager = (hub: string) =>
    one(
      `SELECT u.id FROM users u JOIN user_hubs uh ON uh.user_id = u.id JOIN hubs h ON h.id = uh.hub_id
        WHERE h.code = $1 AND u.role = 'hub_manager' ORDER BY u.email LIMIT 1`,
      [hub],
      `manager of hub ${hub}`,
    );
  const leadership = await one(`SELECT id FROM users WHERE role = 'leadership' ORDER BY email LIMIT 1`, [], 'leadership user');
  const audit = (actorId: string, entityId: string, action: string, when: Date, changes: unknown, note: string | null = null) =>
    m.query(
      `INSERT INTO audit_log (at, actor_id, entity, entity_id, action, changes, note) VALUES ($1, $2, 'story', $3, $4, $5::jsonb, $6)`,
      [when, actorId, entityId, action, changes === null ? null : JSON.stringify(changes), note],
    );

  let count = 0;
  for (const story of DEMO_STORIES) {
    const [{ id: hubId }] = await m.query('SELECT id FROM hubs WHERE code = $1', [story.hub]);
    const author = await hubManager(story.hub);
    // Sequential on purpose: the transaction has one connection.
    const cityIds: string[] = [];
    for (const key of story.cities) cityIds.push(await cityId(key));
    const engagementIds: string[] = [];
    for (const key of story.engagements) engagementIds.push(await engagementId(key));
    const commitmentIds: string[] = [];
    for (const key of story.commitments) commitmentIds.push(await commitmentId(key));
    const outcomeRows: { id: string; type: OutcomeType }[] = await m.query(
      `SELECT id, type FROM outcomes WHERE commitment_id = ANY($1::uuid[])
       UNION SELECT o.id, o.type FROM outcomes o JOIN cities c ON c.id = o.city_id
              JOIN unnest($2::text[], $3::text[]) AS x(city, type) ON x.city = c.name AND x.type = o.type
        WHERE o.commitment_id IS NULL`,
      [
        commitmentIds,
        (story.extraOutcomes ?? []).map(([c]) => DEMO_CITIES.find((d) => d.key === c)?.name ?? c),
        (story.extraOutcomes ?? []).map(([, t]) => t),
      ],
    );
    const outcomeIds = outcomeRows.map((r) => r.id);
    const published = story.status === 'published';
    const confirmed = story.status !== 'draft' || !!story.sentBack;
    const created = at(story.date, 8);
    const submitted = at(story.date, 10);
    const done = at(story.date, 15);

    let originalId: string | null = null;
    for (const version of story.versions) {
      // The version's own words for the figures it cites, by the outcome of that type.
      const figureWording = Object.fromEntries(
        outcomeRows.flatMap((o) => {
          const w = version.figures?.[o.type];
          return w ? [[o.id, { unit: w.unit ?? null, description: w.description }]] : [];
        }),
      );
      const [{ id }]: { id: string }[] = await m.query(
        `INSERT INTO stories (title, category, hub_id, body, quotes, language, translation_of_id, status, author_id, approved_by_id,
                              published_at, sensitivity_consent_for_named_people, sensitivity_no_details_exposing_individuals,
                              sensitivity_city_agreed_to_publication, sensitivity_confirmed_by_id, sensitivity_confirmed_at,
                              created_at, updated_at, figure_wording)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11, $12, $12, $12, $13, $14, $15, $16, $17::jsonb) RETURNING id`,
        [
          version.title,
          story.category,
          hubId,
          version.body,
          JSON.stringify(version.quotes ?? []),
          version.language,
          originalId,
          story.status,
          author,
          published ? leadership : null,
          published ? done : null,
          confirmed,
          confirmed ? author : null,
          confirmed ? at(story.date, 9) : null,
          created,
          published ? done : submitted,
          JSON.stringify(figureWording),
        ],
      );
      originalId ??= id;
      const link = (table: string, column: string, ids: string[]) =>
        ids.length ? m.query(`INSERT INTO ${table} (story_id, ${column}) SELECT $1, unnest($2::uuid[])`, [id, ids]) : null;
      await link('story_cities', 'city_id', cityIds);
      await link('story_engagements', 'engagement_id', engagementIds);
      await link('story_commitments', 'commitment_id', commitmentIds);
      await link('story_outcomes', 'outcome_id', outcomeIds);

      await audit(author, id, 'create', created, { title: { old: null, new: version.title }, status: { old: null, new: 'draft' } });
      if (confirmed) {
        await audit(author, id, 'update', at(story.date, 9), {
          sensitivity: {
            old: null,
            new: { consentForNamedPeople: true, noDetailsExposingIndividuals: true, cityAgreedToPublication: true },
          },
        });
      }
      if (story.status !== 'draft' || story.sentBack) {
        await audit(author, id, 'transition', submitted, { status: { old: 'draft', new: 'in_review' } });
      }
      if (story.sentBack) {
        await audit(leadership, id, 'transition', at(story.date, 12), { status: { old: 'in_review', new: 'draft' } }, story.sentBack);
      }
      if (published) await audit(leadership, id, 'publish', done, { status: { old: 'in_review', new: 'published' } });
      count++;
    }
  }
  // The published ones get their frozen revision, which is what the public views read.
  await freezeUnfrozenStories(m);
  return count;
}

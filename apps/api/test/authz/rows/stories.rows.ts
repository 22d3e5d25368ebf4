import { everyone, hubXWriters, readCityA, signedIn, type MatrixRow, type MatrixWorld } from '../matrix';

/** A published demo story about city A (Nansana, hub X). */
async function publishedStoryOfCityA(w: MatrixWorld): Promise<string> {
  const [{ id }] = await w.db.query(
    `SELECT s.id FROM stories s JOIN story_cities sc ON sc.story_id = s.id
      WHERE s.status = 'published' AND s.language = 'en' AND s.hub_id = $1 AND sc.city_id = $2 ORDER BY s.title LIMIT 1`,
    [w.hubX, w.cityA],
  );
  return id;
}

/** A fresh draft in hub X about city A, optionally with the checklist confirmed. */
async function freshDraft(w: MatrixWorld, checklist = false): Promise<string> {
  const [{ id }] = await w.db.query(
    `INSERT INTO stories (title, category, hub_id, author_id, sensitivity_consent_for_named_people,
                          sensitivity_no_details_exposing_individuals, sensitivity_city_agreed_to_publication)
     VALUES ($1, 'multi_actor', $2, $3, $4, $4, $4) RETURNING id`,
    [`Matrix story ${w.unique()}`, w.hubX, w.userIds.managerX, checklist],
  );
  await w.db.query('INSERT INTO story_cities (story_id, city_id) VALUES ($1, $2)', [id, w.cityA]);
  return id;
}

async function achievedOrInProgressCommitmentOfCityA(w: MatrixWorld): Promise<string> {
  const [{ id }] = await w.db.query(
    `SELECT id FROM commitments WHERE city_id = $1 AND status IN ('achieved', 'in_progress') ORDER BY title LIMIT 1`,
    [w.cityA],
  );
  return id;
}

export const storiesRows: MatrixRow[] = [
  { route: 'GET /api/stories', request: () => ({ path: '/api/stories?pageSize=5' }), expect: signedIn(200) },
  {
    route: 'POST /api/stories',
    request: (w) => ({ path: '/api/stories', body: { title: `New story ${w.unique()}`, category: 'youth', cityIds: [w.cityA] } }),
    expect: hubXWriters(201),
  },
  {
    route: 'POST /api/stories/draft-from-commitment/{commitmentId}',
    request: async (w) => ({ path: `/api/stories/draft-from-commitment/${await achievedOrInProgressCommitmentOfCityA(w)}`, body: {} }),
    expect: hubXWriters(201),
  },
  { route: 'GET /api/stories/{id}', request: async (w) => ({ path: `/api/stories/${await publishedStoryOfCityA(w)}` }), expect: readCityA },
  {
    route: 'PATCH /api/stories/{id}',
    request: async (w) => ({ path: `/api/stories/${await freshDraft(w)}`, body: { version: 1, title: 'Renamed story' } }),
    expect: hubXWriters(200),
  },
  {
    route: 'DELETE /api/stories/{id}',
    request: async (w) => ({ path: `/api/stories/${await freshDraft(w)}` }),
    // Leadership archives stories too.
    expect: { ...hubXWriters(204), leadership: 204 },
  },
  {
    route: 'POST /api/stories/{id}/transitions',
    request: async (w) => ({ path: `/api/stories/${await freshDraft(w, true)}/transitions`, body: { to: 'in_review' } }),
    expect: { ...hubXWriters(200), leadership: 200 },
  },
  {
    route: 'GET /api/stories/{id}/history',
    request: async (w) => ({ path: `/api/stories/${await publishedStoryOfCityA(w)}/history` }),
    expect: readCityA,
  },
  {
    route: 'GET /api/stories/{id}/revisions',
    request: async (w) => ({ path: `/api/stories/${await publishedStoryOfCityA(w)}/revisions` }),
    expect: readCityA,
  },
  {
    route: 'GET /api/stories/{id}/revisions/{revision}',
    request: async (w) => ({ path: `/api/stories/${await publishedStoryOfCityA(w)}/revisions/1` }),
    expect: readCityA,
  },
  {
    route: 'GET /api/stories/{id}/export.md',
    request: async (w) => ({ path: `/api/stories/${await publishedStoryOfCityA(w)}/export.md` }),
    expect: readCityA,
  },
  {
    route: 'GET /api/stories/{id}/export.html',
    request: async (w) => ({ path: `/api/stories/${await publishedStoryOfCityA(w)}/export.html` }),
    expect: readCityA,
  },
  { route: 'GET /api/public/stories', request: () => ({ path: '/api/public/stories' }), expect: everyone(200) },
  { route: 'GET /api/public/stories/facets', request: () => ({ path: '/api/public/stories/facets' }), expect: everyone(200) },
  {
    route: 'GET /api/public/stories/{id}',
    request: async (w) => ({ path: `/api/public/stories/${await publishedStoryOfCityA(w)}` }),
    expect: everyone(200),
  },
  {
    route: 'GET /api/public/stories/{id}/export.md',
    request: async (w) => ({ path: `/api/public/stories/${await publishedStoryOfCityA(w)}/export.md` }),
    expect: everyone(200),
  },
  {
    route: 'GET /api/public/stories/{id}/export.html',
    request: async (w) => ({ path: `/api/public/stories/${await publishedStoryOfCityA(w)}/export.html` }),
    expect: everyone(200),
  },
];

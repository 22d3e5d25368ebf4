import type { MatrixWorld } from '../matrix';

/** Fresh records made with SQL, so each principal's cell of a write row has a target of its own. */
const one = async (w: MatrixWorld, sql: string, params: unknown[]): Promise<string> =>
  ((await w.db.query(sql, params)) as { id: string }[])[0].id;

export const freshHub = (w: MatrixWorld) =>
  one(w, `INSERT INTO hubs (code, name) VALUES ($1, 'Matrix hub') RETURNING id`, [`m-${w.unique()}`]);

export const freshPartner = (w: MatrixWorld) =>
  one(w, `INSERT INTO partners (name, kind) VALUES ($1, 'other') RETURNING id`, [`Matrix partner ${w.unique()}`]);

/** A city in hub X (the A side). */
export const freshCity = (w: MatrixWorld) =>
  one(w, `INSERT INTO cities (name, country_code, hub_id) VALUES ($1, 'UG', $2) RETURNING id`, [`Matrix city ${w.unique()}`, w.hubX]);

/** An engagement of hub X hosted by city A. */
export const freshEngagement = (w: MatrixWorld) =>
  one(
    w,
    `INSERT INTO engagements (title, type, hub_id, start_date, host_city_id) VALUES ($1, 'roundtable', $2, '2024-03-01', $3) RETURNING id`,
    [`Matrix engagement ${w.unique()}`, w.hubX, w.cityA],
  );

/** A pledged commitment of city A (hub X). */
export const freshCommitment = (w: MatrixWorld) =>
  one(w, `INSERT INTO commitments (title, kind, city_id, hub_id) VALUES ($1, 'other', $2, $3) RETURNING id`, [
    `Matrix commitment ${w.unique()}`,
    w.cityA,
    w.hubX,
  ]);

export const freshFollowUp = async (w: MatrixWorld) =>
  one(w, `INSERT INTO follow_ups (commitment_id, title, kind) VALUES ($1, $2, 'check_in') RETURNING id`, [
    await freshCommitment(w),
    `Matrix follow-up ${w.unique()}`,
  ]);

export const freshOutcome = (w: MatrixWorld) =>
  one(w, `INSERT INTO outcomes (city_id, date, type, description) VALUES ($1, '2024-05-01', 'other', 'Matrix outcome') RETURNING id`, [
    w.cityA,
  ]);

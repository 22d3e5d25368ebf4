import type { DataSource } from 'typeorm';
import type { TestApp } from './test-app';
import { demoSignIn } from './demo-sign-in';

/** Shifts an ISO day by `days`. */
export const addDays = (day: string, days: number): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The demo people the follow-through tests and the authorization matrix use; hub X = esa (city A Nansana), hub Y = balkans (city B Danilovgrad). */
export const PEOPLE = {
  liaisonA: 'nansana.liaison@impact.test',
  liaisonB: 'danilovgrad.liaison@impact.test',
  managerX: 'esa.manager@impact.test',
  managerY: 'balkans.manager@impact.test',
  leadership: 'leadership@impact.test',
  admin: 'admin@impact.test',
} as const;
export type Person = keyof typeof PEOPLE;

export interface World {
  hubX: string;
  cityA: string;
  cityB: string;
  users: Record<Person, string>;
  tokens: Record<Person, string>;
}

const one = async (db: DataSource, sql: string, params: unknown[]): Promise<string> =>
  ((await db.query(sql, params)) as { id: string }[])[0].id;

export async function followThroughWorld(t: TestApp): Promise<World> {
  const users = {} as Record<Person, string>;
  const tokens = {} as Record<Person, string>;
  for (const [who, email] of Object.entries(PEOPLE) as [Person, string][]) {
    const session = await demoSignIn(t.http, email);
    users[who] = session.user.id;
    tokens[who] = session.accessToken;
  }
  return {
    hubX: await one(t.dataSource, `SELECT id FROM hubs WHERE code = $1`, ['esa']),
    cityA: await one(t.dataSource, `SELECT id FROM cities WHERE name = $1`, ['Nansana']),
    cityB: await one(t.dataSource, `SELECT id FROM cities WHERE name = $1`, ['Danilovgrad']),
    users,
    tokens,
  };
}

/** A commitment in `cityId` (its hub is the city's), straight into the table. */
export async function insertCommitment(
  db: DataSource,
  c: { title: string; cityId: string; ownerId: string | null; status?: string; targetDate?: string | null; stalledSince?: string },
): Promise<string> {
  const id = await one(
    db,
    `INSERT INTO commitments (title, kind, city_id, hub_id, owner_id, status, target_date)
     SELECT $1, 'youth_council', ci.id, ci.hub_id, $3, $4, $5 FROM cities ci WHERE ci.id = $2 RETURNING id`,
    [c.title, c.cityId, c.ownerId, c.status ?? 'in_progress', c.targetDate ?? null],
  );
  if (c.stalledSince) {
    await db.query(
      `INSERT INTO commitment_status_changes (commitment_id, from_status, to_status, at) VALUES ($1, 'in_progress', 'stalled', $2::date + time '12:00')`,
      [id, c.stalledSince],
    );
  }
  return id;
}

export async function insertFollowUp(
  db: DataSource,
  f: { title: string; commitmentId: string; ownerId: string | null; dueDate: string; status?: string },
): Promise<string> {
  return one(
    db,
    `INSERT INTO follow_ups (commitment_id, title, kind, owner_id, due_date, status) VALUES ($1, $2, 'check_in', $3, $4, $5) RETURNING id`,
    [f.commitmentId, f.title, f.ownerId, f.dueDate, f.status ?? 'open'],
  );
}

import type { INestApplication } from '@nestjs/common';
import type { Agent } from 'supertest';
import type { DataSource } from 'typeorm';
import { demoSignIn } from './demo-sign-in';
import { createTestApp, type TestApp } from './test-app';

/** The demo users a domain spec signs in as, by the short name its tests use. */
export const DEMO_USERS = {
  admin: 'admin@impact.test',
  leadership: 'leadership@impact.test',
  esa: 'esa.manager@impact.test',
  balkans: 'balkans.manager@impact.test',
  nansana: 'nansana.liaison@impact.test',
  danilovgrad: 'danilovgrad.liaison@impact.test',
} as const;
export type DemoUser = keyof typeof DEMO_USERS;

/** A spec file's app on the demo data, its signed-in users and the demo's hubs and cities. */
export interface DemoSpec {
  readonly app: INestApplication;
  readonly http: Agent;
  readonly dataSource: DataSource;
  /** The Authorization header of a signed-in user. */
  as(who: DemoUser): { Authorization: string };
  /** The `n` column of the first row a query answers. */
  count(sql: string, params?: unknown[]): Promise<number>;
  /** A demo hub's id by its code, a demo city's by its name (as they were before the tests ran). */
  hub(code: string): string;
  city(name: string): string;
}

/**
 * Registers the set-up every domain spec shares: before all, a fresh app on a copy of the demo data with
 * `who` signed in through the real route; after all, the app closed (which checks every answer against
 * the OpenAPI document). Call it at the top of the file, before the file's own `beforeAll`.
 */
export function demoSpec(...who: DemoUser[]): DemoSpec {
  let t: TestApp | undefined;
  const tokens: Partial<Record<DemoUser, string>> = {};
  let hubs = new Map<string, string>();
  let cities = new Map<string, string>();
  const ready = (): TestApp => {
    if (!t) throw new Error('the demo app is not up: use it inside a test or a later beforeAll');
    return t;
  };
  const known = (map: Map<string, string>, key: string): string => {
    const id = map.get(key);
    if (!id) throw new Error(`${key} is not in the demo data`);
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    for (const name of who) tokens[name] = (await demoSignIn(t.http, DEMO_USERS[name])).accessToken;
    const rows = async (sql: string) =>
      new Map(((await ready().dataSource.query(sql)) as { key: string; id: string }[]).map((r) => [r.key, r.id]));
    hubs = await rows(`SELECT code AS key, id FROM hubs`);
    cities = await rows(`SELECT name AS key, id FROM cities`);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  return {
    get app() {
      return ready().app;
    },
    get http() {
      return ready().http;
    },
    get dataSource() {
      return ready().dataSource;
    },
    as: (name) => ({ Authorization: `Bearer ${tokens[name]}` }),
    count: async (sql, params = []) => (await ready().dataSource.query(sql, params))[0].n as number,
    hub: (code) => known(hubs, code),
    city: (name) => known(cities, name),
  };
}

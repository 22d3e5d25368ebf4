/**
 * `npx ts-node … apps/api/bench/explain-lists.ts --scale 1`: loads the bench data into a fresh database
 * and prints, for each list case the bench times, the statements the repository sends with their
 * EXPLAIN (ANALYZE, BUFFERS) and median time, first without the list indexes, then with them.
 */
import 'reflect-metadata';
import { Client } from 'pg';
import type { AuthUser } from '../src/auth/auth-user';
import { CommitmentEntity } from '../src/commitments/commitment.entity';
import { CommitmentsRepository } from '../src/commitments/commitments.repository';
import { LIST_INDEXES } from '../src/database/migrations/1765100000000-list-indexes';
import { FOLLOW_UP_HUB_INDEXES } from '../src/database/migrations/1765500000000-follow-up-hub';
import { EngagementEntity } from '../src/engagements/engagement.entity';
import { EngagementsRepository } from '../src/engagements/engagements.repository';
import { FollowUpEntity } from '../src/follow-ups/follow-up.entity';
import { FollowUpsRepository } from '../src/follow-ups/follow-ups.repository';
import { currentDataDir, freshDatabase, loadBenchTables, log, recordingDataSource, scaleArg } from './common';

async function main() {
  const dir = currentDataDir(scaleArg());
  if (!dir) throw new Error('no bench data');
  const db = await freshDatabase('explain');
  try {
    const pg = new Client({ connectionString: db.url });
    pg.on('error', () => undefined);
    await pg.connect();
    await loadBenchTables(pg, dir);
    const indexes = [...LIST_INDEXES, ...FOLLOW_UP_HUB_INDEXES];
    const dropped = indexes.map((s) => /"(IDX_[^"]+)"/.exec(s)?.[1]);
    for (const name of dropped) await pg.query(`DROP INDEX IF EXISTS "${name}"`);
    await pg.query(`VACUUM ANALYZE`);
    log('loaded');
    const [busiest] = (
      await pg.query(
        `SELECT c.id, c.hub_id FROM cities c JOIN engagements e ON e.host_city_id = c.id GROUP BY c.id ORDER BY count(*) DESC LIMIT 1`,
      )
    ).rows;
    const [eng] = (await pg.query(`SELECT title FROM engagements WHERE host_city_id = $1 ORDER BY start_date DESC LIMIT 1`, [busiest.id]))
      .rows;
    const q = String(eng.title).replace(/^\D+/, '').slice(-4);
    const { ds, sent } = await recordingDataSource(db.ownerUrl);
    const admin = {
      id: '00000000-0000-4000-8000-000000000000',
      role: 'admin',
      hubIds: [],
      cityIds: [],
      name: 'a',
      email: 'a@a',
      language: 'en',
    } as AuthUser;
    const cases: [string, () => Promise<unknown>][] = [
      [
        'commitments hub+in_progress by target date',
        () =>
          new CommitmentsRepository(ds.getRepository(CommitmentEntity)).listJson(admin, {
            hubId: busiest.hub_id,
            status: 'in_progress',
            sort: 'targetDate:asc',
            pageSize: 50,
          }),
      ],
      [
        `engagements q=${q} cityId`,
        () => new EngagementsRepository(ds.getRepository(EngagementEntity)).list(admin, { q, cityId: busiest.id, pageSize: 50 }),
      ],
      [
        'follow-ups overdue hub',
        () => new FollowUpsRepository(ds.getRepository(FollowUpEntity)).list(admin, { hubId: busiest.hub_id, overdue: true, pageSize: 50 }),
      ],
    ];
    const app = new Client({ connectionString: db.ownerUrl });
    app.on('error', () => undefined);
    await app.connect();
    const median = async (sql: string, params: unknown[]) => {
      const ms: number[] = [];
      for (let i = 0; i < 15; i++) {
        const t = process.hrtime.bigint();
        await app.query(sql, params);
        ms.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      return ms.sort((a, b) => a - b)[7];
    };
    for (const round of ['WITHOUT list indexes', 'WITH list indexes']) {
      if (round.startsWith('WITH ')) {
        for (const sql of indexes) await pg.query(sql);
        await pg.query(`ANALYZE commitments, follow_ups, engagements`);
      }
      log(`\n==================== ${round}`);
      for (const [name, run] of cases) {
        sent.length = 0;
        const page = (await run().catch((e) => {
          log(`${name} failed: ${e instanceof Error ? e.stack : String(e)}`);
          return { total: -1, items: [] };
        })) as { total: number; items: unknown[] };
        log(`\n---- ${name}: total ${page.total}, ${page.items.length} items, ${sent.length} statements`);
        for (const s of [...sent]) {
          const ms = await median(s.sql, s.params);
          log(`\n-- ${ms.toFixed(2)} ms median: ${s.sql.replace(/\s+/g, ' ').slice(0, 600)}`);
          const plan = await app.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.params);
          log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
        }
      }
    }
    await app.end();
    await ds.destroy();
    await pg.end();
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

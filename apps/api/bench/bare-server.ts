/**
 * The floor for a list endpoint: node:http + pg, no framework and no ORM, sending exactly the
 * statements the API's commitments list sends (recorded by bench.ts): the page's ids then the read
 * models of those ids, and beside them the total; it answers the rows as JSON without shaping them.
 * Those statements are the fastest correct ones found for the case (`bench/explain-lists.ts` prints
 * their plans): the page and the exact total both read the (hub, status, target date) partial index,
 * the total index-only, and names and links are read for the page's 50 rows only.
 */
import { createServer } from 'node:http';
import { Pool } from 'pg';
import type { Statement } from './common';

const { ids, total, load, page, pageSize } = JSON.parse(process.env.BENCH_LIST_QUERY as string) as {
  ids: Statement;
  total: Statement;
  load: Statement;
  page: number;
  pageSize: number;
};
const pool = new Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 10 });
pool.on('error', () => undefined);

async function answer(): Promise<string> {
  // The total beside the page; the read-model statement binds one parameter per id of the page, in order.
  const [items, totalRows] = await Promise.all([
    pool.query<{ id: string }>(ids.sql, ids.params).then(async (idRows) => {
      const pageIds = idRows.rows.map((r) => r.id);
      return pageIds.length ? (await pool.query(load.sql, pageIds)).rows : [];
    }),
    pool.query<{ total: number }>(total.sql, total.params),
  ]);
  return JSON.stringify({ items, total: totalRows.rows[0]?.total ?? 0, page, pageSize });
}

createServer((req, res) => {
  answer()
    .then((body) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(body);
    })
    .catch(() => {
      res.writeHead(500);
      res.end();
    });
}).listen(Number(process.env.BENCH_PORT), '127.0.0.1', () => process.send?.('ready'));

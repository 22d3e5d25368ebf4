/**
 * The floor for a list endpoint: node:http + pg, no framework and no ORM, sending exactly the
 * statements the API's commitments list sends (recorded by bench.ts): the page (the read models of the
 * page's ids, chosen by a subquery) and beside it the total; it answers the rows as JSON without shaping them.
 * Those statements are the fastest correct ones found for the case (`bench/explain-lists.ts` prints
 * their plans): the page and the exact total both read the (hub, status, target date) partial index,
 * the total index-only, and names and links are read for the page's 50 rows only. Every statement is
 * sent as a named prepared statement (parsed and planned once per connection), as the API sends the
 * commitments page and its total.
 */
import { createServer } from 'node:http';
import { Pool } from 'pg';
import { loadValues, named, type ListStatements } from './common';

const { statements, page, pageSize } = JSON.parse(process.env.BENCH_LIST_QUERY as string) as {
  statements: ListStatements;
  page: number;
  pageSize: number;
};
const pool = new Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 10 });
pool.on('error', () => undefined);

/** The page's rows: one statement (the ids as its subquery), or the ids then the read-model statement (one parameter per id, in order). */
async function rows(s: ListStatements): Promise<unknown[]> {
  if ('page' in s) return (await pool.query(named(s.page))).rows;
  const ids = await pool.query<{ id: string }>(named(s.ids));
  const pageIds = ids.rows.map((r) => r.id);
  return pageIds.length ? (await pool.query(named(s.load, loadValues(s.load, pageIds)))).rows : [];
}

async function answer(): Promise<string> {
  // The total beside the page.
  const [items, totalRows] = await Promise.all([
    rows(statements),
    statements.total ? pool.query<{ total: number }>(named(statements.total)) : Promise.resolve({ rows: [] as { total: number }[] }),
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

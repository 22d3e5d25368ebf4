/**
 * The floor for a list endpoint: node:http + pg, no framework, running exactly the SQL the API's
 * commitments list runs (handed over by bench.ts), mapping rows the same way and answering JSON.
 */
import { createServer } from 'node:http';
import { Pool } from 'pg';
import { toCommitmentListItem, type CommitmentRow } from '../src/commitments/commitment.read';

const { sql, params, page, pageSize } = JSON.parse(process.env.BENCH_LIST_QUERY as string) as {
  sql: string;
  params: unknown[];
  page: number;
  pageSize: number;
};
const pool = new Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 10 });
pool.on('error', () => undefined);

createServer((req, res) => {
  pool
    .query(sql, params)
    .then(({ rows }) => {
      const total = rows.length ? Number(rows[0].__total) : 0;
      const body = JSON.stringify({ items: (rows as CommitmentRow[]).map(toCommitmentListItem), total, page, pageSize });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(body);
    })
    .catch(() => {
      res.writeHead(500);
      res.end();
    });
}).listen(Number(process.env.BENCH_PORT), '127.0.0.1', () => process.send?.('ready'));

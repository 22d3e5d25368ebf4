import { Controller, Get, type LoggerService, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { createTestApp, type TestApp } from '../../test/test-app';

/** Values a failed statement carries, that must never reach the log. */
const EMAIL = 'hidden.person.7731@example.org';
const NUMBER = '98765432109876';
const UUID_TEXT = 'not-a-uuid-but-a-secret-5531';

@Public() // probes of the error logging, not of sign-in
@Controller('sql-probe')
class SqlProbeController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** 23502: PostgreSQL's detail quotes the whole failing row ("Failing row contains (…, e-mail, …)"). */
  @Get('not-null')
  notNull() {
    return this.dataSource.query(`INSERT INTO users (email, name, role, password_hash) VALUES ($1, NULL, 'admin', 'x')`, [EMAIL]);
  }

  /** 22003, answered 400 (a data error): the message itself quotes the value ("value "…" is out of range for type integer"). */
  @Get('out-of-range')
  outOfRange() {
    return this.dataSource.query(`SELECT $1::text::int AS n`, [NUMBER]);
  }

  /** 22P02, answered 400: still logged by the database logger, with the value in the message. */
  @Get('bad-uuid')
  badUuid() {
    return this.dataSource.query(`SELECT id FROM users WHERE id = $1::text::uuid`, [UUID_TEXT]);
  }

  /** 23505, answered 409: the detail says "Key (email)=(…) already exists". */
  @Get('duplicate')
  async duplicate() {
    const insert = `INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'Hidden', 'admin', 'x')`;
    await this.dataSource.query(insert, [EMAIL]);
    return this.dataSource.query(insert, [EMAIL]);
  }
}
@Module({ controllers: [SqlProbeController] })
class SqlProbeModule {}

/** Keeps every log call, as the JSON the production logger would write of it. */
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  private keep(level: string, args: unknown[]) {
    this.lines.push(
      `${level} ${JSON.stringify(args, (_k, v) => (v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v))}`,
    );
  }
  log(...args: unknown[]) {
    this.keep('log', args);
  }
  error(...args: unknown[]) {
    this.keep('error', args);
  }
  warn(...args: unknown[]) {
    this.keep('warn', args);
  }
  debug(...args: unknown[]) {
    this.keep('debug', args);
  }
  verbose(...args: unknown[]) {
    this.keep('verbose', args);
  }
  fatal(...args: unknown[]) {
    this.keep('fatal', args);
  }
}

describe('failed SQL in the log', () => {
  let t: TestApp;
  const logger = new CapturingLogger();
  beforeAll(async () => {
    // Logging on (the database logger is off only when silent), every line into `logger`; pino's own request lines stay quiet.
    t = await createTestApp({ docs: false, env: { LOG_LEVEL: 'fatal' }, extraModules: [SqlProbeModule], logger });
  });
  afterAll(() => t?.close());

  it('logs the code, constraint, table and SQL text of a failed query, never its values', async () => {
    const answers = await Promise.all([
      t.http.get('/api/sql-probe/not-null'),
      t.http.get('/api/sql-probe/out-of-range'),
      t.http.get('/api/sql-probe/bad-uuid'),
      t.http.get('/api/sql-probe/duplicate'),
    ]);
    expect(answers.map((a) => a.status)).toEqual([500, 400, 400, 409]);

    const log = logger.lines.join('\n');
    // Each failure was logged: by the database logger (SQL text and code) and, for the 500, by the error filter.
    for (const code of ['23502', '22003', '22P02', '23505']) expect(log).toContain(code);
    expect(log).toContain('INSERT INTO users (email, name, role, password_hash) VALUES ($1, NULL');
    expect(log).toContain('"table":"users"');
    expect(log).toContain('"constraint":"UQ_');
    expect(logger.lines.filter((l) => l.includes('QueryFailedError')).length).toBe(1);
    // …and none of the values, in any form.
    for (const secret of [EMAIL, 'hidden.person', NUMBER, UUID_TEXT]) expect(log).not.toContain(secret);
    for (const a of answers) expect(JSON.stringify(a.body)).not.toMatch(/hidden\.person|98765|secret-5531/);
  });
});

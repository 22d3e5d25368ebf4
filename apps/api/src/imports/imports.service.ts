import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  ImportEntity as ImportEntityName,
  ImportRecord,
  ImportRowError,
  ImportUndoResult,
  ImportUndoSkip,
  Page,
} from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { AuthUsersRepository } from '../auth/auth-users.repository';
import { toCsv } from '../common/csv';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationFailedError } from '../common/errors';
import { pageParams } from '../common/list-query';
import type { PageQueryDto } from '../common/list';
import { JobsService } from '../jobs/jobs.service';
import { ImportEntity, type ImportCreated, type ImportUpdated } from './import.entity';
import { Importers, type CreatePlan } from './importers';
import { ImportsRepository } from './imports.repository';
import { readCsvRows, sniffDelimiter, UnreadableFileError, type SheetRow } from './read-rows';
import { readXlsxRows } from './read-xlsx';

/** Row errors kept on an import; past this many the file is surely the wrong one. */
const MAX_ERRORS = 1_000;
/** Progress is written at most this often while a file runs. */
const PROGRESS_MS = 500;
/** Creates are written this many at a time by an importer that writes batches (a few statements per batch). */
const BATCH_ROWS = 500;

/**
 * Rows planned between two turns of the event loop. Planning never waits on I/O, so without these turns
 * the batch being written would send its next statement only once the next batch was planned.
 */
const YIELD_ROWS = 20;

/** The job names only its import: the file waits in `import_files`, readable from any instance. */
export interface ImportJob {
  importId: string;
}

/** Thrown inside the run's transaction to roll it back when any row failed. */
class RowsFailed extends Error {}

const toRecord = (i: ImportEntity): ImportRecord => ({
  id: i.id,
  entity: i.entity,
  dryRun: i.dryRun,
  status: i.status,
  fileName: i.fileName,
  total: i.total,
  processed: i.processed,
  created: i.created,
  updated: i.updated,
  unchanged: i.unchanged,
  errors: i.errors,
  message: i.message,
  createdById: i.createdById,
  createdAt: i.createdAt.toISOString(),
  finishedAt: i.finishedAt ? i.finishedAt.toISOString() : null,
});

/**
 * Bytes of a stored file's piece (one row, one statement). A piece read back travels as hex text, twice
 * its size, gathered in a buffer that grows by doubling, then decoded: about 7 MB at once for 1 MB
 * pieces (28 MB for 4 MB ones).
 */
const FILE_CHUNK = 1024 * 1024;

/**
 * A spreadsheet's rows from its pieces: `.xlsx` when the file is a zip (it starts with `PK`; the
 * whole of it is needed, its inflated size bounded first), CSV otherwise (streamed piece by piece).
 */
async function* rowsOf(pieces: AsyncGenerator<Buffer>): AsyncGenerator<SheetRow> {
  const first = await pieces.next();
  const head = first.done ? Buffer.alloc(0) : first.value;
  async function* all() {
    yield head;
    yield* pieces;
  }
  if (head.toString('latin1', 0, 2) === 'PK') {
    const parts: Buffer[] = [];
    for await (const piece of all()) parts.push(piece);
    yield* readXlsxRows(Buffer.concat(parts));
  } else yield* readCsvRows(Readable.from(all()), sniffDelimiter(head.toString('utf8', 0, Math.min(head.length, 64 * 1024))));
}

/** The rows again, read ahead a run at a time so `prefetch` reads the records each run names before its rows are planned. */
async function* inRuns(
  rows: AsyncGenerator<SheetRow>,
  size: number,
  prefetch?: (rows: readonly SheetRow[]) => Promise<void>,
): AsyncGenerator<SheetRow> {
  if (!prefetch) return yield* rows;
  let run: SheetRow[] = [];
  const flush = async function* () {
    await prefetch(run);
    const out = run;
    run = [];
    yield* out;
  };
  for await (const row of rows) {
    run.push(row);
    if (run.length >= size) yield* flush();
  }
  if (run.length) yield* flush();
}

/**
 * Imports of cities and partners from CSV or .xlsx with the export's columns. Each upload becomes an
 * `imports` row and a job: a dry run validates every row and writes nothing else; a real run writes in
 * one transaction through the services' own write paths (same scope rules, audited with the import's
 * id), and any row error rolls the whole file back. Undo archives what it created and restores what
 * it updated, unless changed since.
 */
@Injectable()
export class ImportsService implements OnModuleInit {
  private readonly logger = new Logger('Imports');
  /** Creates per batch; 0 writes every row through the importer's per-row path (what the batched path is compared with). */
  batchRows = BATCH_ROWS;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly importers: Importers,
    private readonly jobs: JobsService,
    private readonly users: AuthUsersRepository,
    private readonly store: ImportsRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.work<ImportJob>('import-run', (job) => this.run(job.data), { pollingIntervalSeconds: 1 });
  }

  /** 403 unless the role may write the entity at all (each row is checked against its record when the file runs). */
  requireMayImport(user: AuthUser, entity: ImportEntityName): void {
    if (!this.importers.of(entity).mayImport(user)) throw new ForbiddenError(`You may not import ${entity}.`);
  }

  /**
   * Queues an uploaded file: the import row, the file's bytes and the job are written together, and
   * the upload on this instance's disk (at `path`) is removed.
   */
  async start(user: AuthUser, entity: ImportEntityName, dryRun: boolean, fileName: string, path: string): Promise<ImportRecord> {
    try {
      this.requireMayImport(user, entity);
      return await this.dataSource.transaction(async (m) => {
        const saved = await this.store.create(m, { entity, dryRun, fileName, createdById: user.id, status: 'queued' });
        // Piece by piece, one row each, so memory stays flat whatever the file's size (up to the upload limit).
        let pieces = 0;
        for await (const piece of createReadStream(path, { highWaterMark: FILE_CHUNK }))
          await this.store.addFilePiece(m, saved.id, pieces++, piece);
        // An empty file is one empty piece (a file that is gone has none).
        if (!pieces) await this.store.addFilePiece(m, saved.id, 0, Buffer.alloc(0));
        await this.jobs.send('import-run', { importId: saved.id } satisfies ImportJob, {}, m);
        return toRecord(saved);
      });
    } finally {
      await unlink(path).catch(() => undefined);
    }
  }

  /** The import's file, read piece by piece. */
  private async *fileOf(importId: string, pieces: number): AsyncGenerator<Buffer> {
    for (let n = 0; n < pieces; n++) {
      const piece = await this.store.filePiece(importId, n);
      if (!piece) throw new Error('the uploaded file is gone');
      yield piece;
    }
  }

  /** The caller's own import (admins: any); others are not found. */
  private async visible(user: AuthUser, id: string, m?: EntityManager): Promise<ImportEntity> {
    const found = await this.store.find(id, m);
    if (!found || (user.role !== 'admin' && found.createdById !== user.id)) throw new NotFoundError('Import', id);
    return found;
  }

  async get(user: AuthUser, id: string): Promise<ImportRecord> {
    return toRecord(await this.visible(user, id));
  }

  async list(user: AuthUser, query: PageQueryDto): Promise<Page<ImportRecord>> {
    const { page, pageSize } = pageParams(query);
    const [rows, total] = await this.store.page(user, page, pageSize);
    return { items: rows.map(toRecord), total, page, pageSize };
  }

  template(entity: ImportEntityName): string {
    const importer = this.importers.of(entity);
    return toCsv(importer.columns, [importer.example as never]);
  }

  /** The job: reads the file, plans and checks every row, and (not a dry run, no errors) writes them in one transaction. */
  async run({ importId }: ImportJob): Promise<void> {
    try {
      const found = await this.store.find(importId);
      // A job retried after its worker died finds its import still running (the writes rolled back).
      if (!found || (found.status !== 'queued' && found.status !== 'running')) return;
      // The file is in the database: any instance may run the job.
      const pieces = await this.store.filePieces(importId);
      if (pieces === null) throw new Error('the uploaded file is gone');
      await this.store.update(importId, { status: 'running', processed: 0 });
      const user = found.createdById ? await this.users.byId(found.createdById) : null;
      const outcome =
        user && user.active
          ? await this.execute(found, user, () => this.fileOf(importId, pieces))
          : { status: 'failed' as const, message: 'The user who uploaded the file can no longer sign in.' };
      await this.store.update(importId, { ...outcome, finishedAt: new Date() });
    } catch (e) {
      this.logger.error({ err: { message: (e as Error).message }, importId }, 'import failed');
      await this.store
        .update(importId, {
          status: 'failed',
          message: 'The import stopped on an unexpected error; nothing was written.',
          finishedAt: new Date(),
        })
        .catch(() => undefined);
    } finally {
      // Done with, whatever the outcome (a retry after a crash never reaches here, so it still finds the file).
      await this.store.deleteFile(importId).catch(() => undefined);
    }
  }

  private async execute(rec: ImportEntity, user: AuthUser, file: () => AsyncGenerator<Buffer>): Promise<Partial<ImportEntity>> {
    const importer = this.importers.of(rec.entity);
    const counts = { processed: 0, created: 0, updated: 0, unchanged: 0 };
    const errors: ImportRowError[] = [];
    const createdIds: ImportCreated[] = [];
    const beforeImages: ImportUpdated[] = [];
    const note = `import ${rec.id}`;
    const addErrors = (list: ImportRowError[]) => errors.push(...list.slice(0, Math.max(0, MAX_ERRORS - errors.length)));
    let failed = 0;
    let lastProgress = Date.now();

    const pass = async (m: EntityManager | null): Promise<void> => {
      const entity = await importer.open(user);
      const batchRows = entity.writeCreates ? this.batchRows : 0;
      const pending: CreatePlan[] = [];
      // A batch is written whole or not at all: its rows' errors are reported and nothing more is written.
      const flush = async (plans: CreatePlan[]) => {
        if (!m || failed || !plans.length || !entity.writeCreates) return;
        const out = await entity.writeCreates(m, plans, note);
        if ('errors' in out) {
          failed += out.errors.length;
          addErrors(out.errors);
        } else createdIds.push(...out.written);
      };
      // One batch is written while the next rows are read and checked (Node checks, PostgreSQL writes).
      let writing: Promise<Error | null> = Promise.resolve(null);
      const settled = async () => {
        const e = await writing;
        writing = Promise.resolve(null);
        if (e) throw e;
      };
      const startFlush = async () => {
        await settled();
        const plans = pending.splice(0);
        writing = flush(plans).then(
          () => null,
          (e: Error) => e,
        );
      };
      try {
        let header = true;
        for await (const row of inRuns(rowsOf(file()), BATCH_ROWS, entity.prefetch)) {
          if (header) {
            header = false;
            const problems = importer.checkHeader(Object.keys(row.cells));
            if (problems.length) {
              addErrors(problems);
              failed++;
              return;
            }
          }
          counts.processed++;
          // Rows are read and planned without waiting on I/O: let the batch being written send its next statement.
          if (counts.processed % YIELD_ROWS === 0) await setImmediate();
          let plan = await entity.plan(row);
          const refused = plan.kind === 'invalid' ? null : entity.refusal(plan);
          if (refused) plan = { kind: 'invalid', row: row.row, errors: [refused] };
          if (plan.kind === 'invalid') {
            failed++;
            addErrors(plan.errors);
          } else if (plan.kind === 'unchanged') counts.unchanged++;
          else {
            counts[plan.kind === 'create' ? 'created' : 'updated']++;
            // Once a row failed nothing more is written: the transaction rolls back; the rest is only checked.
            if (m && !failed && plan.kind === 'create' && batchRows > 0) {
              pending.push(plan);
              if (pending.length >= batchRows) await startFlush();
            } else if (m && !failed) {
              await settled();
              try {
                const w = await entity.write(m, plan, note);
                if (w.before) beforeImages.push({ id: w.id, version: w.version, before: w.before });
                else createdIds.push({ id: w.id, version: w.version });
              } catch (e) {
                if (!(e instanceof DomainError)) throw e;
                failed++;
                const field = e instanceof ValidationFailedError ? e.fieldErrors[0]?.field : undefined;
                addErrors([{ row: row.row, column: field === 'hubId' ? 'hub' : (field ?? 'id'), message: e.message }]);
              }
            }
          }
          if (Date.now() - lastProgress >= PROGRESS_MS) {
            lastProgress = Date.now();
            await this.store.update(rec.id, { processed: counts.processed });
          }
        }
        await startFlush();
      } finally {
        // Never leave a batch running on the transaction's connection (an unreadable file stops the loop).
        await writing;
      }
      await settled();
    };

    try {
      if (rec.dryRun) await pass(null);
      else {
        await this.dataSource.transaction(async (m) => {
          await pass(m);
          if (failed) throw new RowsFailed();
          await this.store.update(rec.id, { createdIds, beforeImages }, m);
        });
      }
    } catch (e) {
      if (e instanceof UnreadableFileError) {
        // The user reads the message; what failed inside the reader goes to the log.
        if (e.cause) this.logger.warn({ err: { message: (e.cause as Error).message }, importId: rec.id }, 'import file unreadable');
        return { status: 'failed', message: e.message, ...counts, total: null, errors };
      }
      if (!(e instanceof RowsFailed)) throw e;
    }
    // A batch reports its rows' errors when it is written, after later rows' own errors: rows in order again.
    errors.sort((a, b) => a.row - b.row);
    const result = { ...counts, total: counts.processed, errors };
    if (failed && !rec.dryRun) return { ...result, status: 'failed', message: 'Some rows have errors: nothing was written.' };
    return { ...result, status: 'done', message: null };
  }

  /** Archives what the import created and restores what it updated, each unless changed since (those are reported). */
  async undo(user: AuthUser, id: string): Promise<ImportUndoResult> {
    return this.dataSource.transaction(async (m) => {
      const rec = await this.visible(user, id, m);
      if (rec.dryRun || rec.status !== 'done') throw new ConflictError('Only a finished import that wrote records can be undone.');
      const importer = this.importers.of(rec.entity);
      const note = `undo of import ${rec.id}`;
      const skipped: ImportUndoSkip[] = [];
      let archived = 0;
      let restored = 0;
      const changed = async (r: { id: string; version: number }): Promise<number | null> => {
        const version = await importer.versionOf(m, r.id);
        if (version === null) skipped.push({ id: r.id, message: 'archived since the import' });
        else if (version !== r.version) skipped.push({ id: r.id, message: 'changed since the import' });
        else return version;
        return null;
      };
      for (const c of rec.createdIds) {
        if ((await changed(c)) === null) continue;
        await importer.archive(m, user, c.id, note);
        archived++;
      }
      for (const u of rec.beforeImages) {
        const version = await changed(u);
        if (version === null) continue;
        try {
          await importer.restore(m, user, u.id, u.before, version, note);
          restored++;
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          skipped.push({ id: u.id, message: e.message });
        }
      }
      await this.store.update(rec.id, { status: 'undone' }, m);
      return { import: toRecord({ ...rec, status: 'undone' }), archived, restored, skipped };
    });
  }
}

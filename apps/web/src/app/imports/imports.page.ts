import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, ImportEntity, ImportRecord, ImportUndoResult } from '@impact/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { EMPTY, Observable, concat, of, switchMap, takeWhile, timer } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { LanguageService } from '../core/i18n/language.service';
import { LocaleDatePipe, LocaleNumberPipe } from '../core/i18n/locale.pipes';
import { CsvDownload } from '../shared/data/csv-download';
import { RecordDialogs } from '../shared/forms/dialogs';
import { fieldErrors, serverMessage } from '../shared/forms/record-form';
import { ConfirmDialog, ConfirmDialogData } from '../shared/ui/confirm-dialog';
import { EmptyState } from '../shared/ui/empty-state';
import { IsolatePipe, isolate } from '../shared/ui/isolate.pipe';
import { Notices } from '../shared/ui/notices';
import {
  ACCEPT_ATTRIBUTE,
  errorsFileName,
  errorsToCsv,
  fileProblem,
  historyStatus,
  importableEntities,
  isCleanPreview,
  isFinished,
  listPath,
  mayImport,
  mayPreview,
  progressPercent,
} from './import-rules';
import { ImportsApi } from './imports.api';

/** How often a running import is asked how far it got. */
export const POLL_MS = 1000;
/** Row errors shown on the page; the CSV download holds them all. */
export const SHOWN_ERRORS = 200;
const HISTORY_PAGE_SIZE = 10;

interface Problem {
  key: string;
  params?: Record<string, unknown>;
}

interface Preview {
  record: ImportRecord;
  file: File;
  entity: ImportEntity;
}

/**
 * Spreadsheets in: pick what to import and a file, preview it (a dry run: what would be created,
 * updated and left alone, and every row error), then import the same file with a progress bar, and
 * undo an import from the history.
 */
@Component({
  selector: 'it-imports-page',
  imports: [
    EmptyState,
    IsolatePipe,
    LocaleDatePipe,
    LocaleNumberPipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './imports.page.html',
  styleUrls: ['../shared/ui/tool-page.scss', './imports.page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportsPage {
  private readonly api = inject(ImportsApi);
  private readonly auth = inject(AuthService);
  private readonly language = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  private readonly csv = inject(CsvDownload);
  private readonly dialog = inject(MatDialog);
  private readonly dialogs = inject(RecordDialogs);
  private readonly notices = inject(Notices);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly accept = ACCEPT_ATTRIBUTE;
  protected readonly maxRows = IMPORT_MAX_ROWS;
  protected readonly shownErrors = SHOWN_ERRORS;
  protected readonly historyPageSize = HISTORY_PAGE_SIZE;

  protected readonly entities = computed(() => importableEntities(this.auth.role()));
  protected readonly entity = linkedSignal<ImportEntity | null>(() => this.entities()[0] ?? null);
  protected readonly file = signal<File | null>(null);
  protected readonly preview = signal<Preview | null>(null);
  /** The real run of the file (after Import). */
  protected readonly run = signal<ImportRecord | null>(null);
  protected readonly busy = signal<'preview' | 'import' | null>(null);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly undoReport = signal<ImportUndoResult | null>(null);
  protected readonly dragging = signal(false);

  private readonly state = computed(() => ({
    entity: this.entity(),
    file: this.file(),
    preview: this.preview(),
    busy: this.busy() !== null,
  }));
  protected readonly canPreview = computed(() => mayPreview(this.state()));
  protected readonly canImport = computed(() => mayImport(this.state()));
  protected readonly fileProblem = computed(() => {
    const file = this.file();
    return file ? fileProblem(file) : null;
  });

  /** The run whose progress and outcome the page shows: the real one once started, else the preview. */
  protected readonly current = computed<ImportRecord | null>(() => this.run() ?? this.preview()?.record ?? null);
  protected readonly percent = computed(() => progressPercent(this.current()));
  protected readonly following = computed(() => {
    const record = this.current();
    return this.busy() !== null || (!!record && !isFinished(record));
  });
  protected readonly cleanPreview = computed(() => isCleanPreview(this.preview()?.record ?? null));
  protected readonly errors = computed(() => this.current()?.errors ?? []);
  protected readonly visibleErrors = computed(() => this.errors().slice(0, SHOWN_ERRORS));
  protected readonly listLink = computed(() => {
    const record = this.run();
    return record ? listPath(record.entity) : null;
  });
  protected readonly maxSize = computed(() => this.size(IMPORT_MAX_BYTES));

  protected readonly historyPage = signal(1);
  protected readonly history = rxResource({
    params: () => ({ page: this.historyPage() }),
    stream: ({ params }) => this.api.list(params.page, HISTORY_PAGE_SIZE),
  });
  protected readonly historyItems = computed(() => (this.history.hasValue() ? this.history.value().items : []));
  protected readonly historyTotal = computed(() => (this.history.hasValue() ? this.history.value().total : 0));

  protected chooseEntity(entity: ImportEntity): void {
    this.entity.set(entity);
    this.reset();
  }

  protected onPicked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0] ?? null;
    // The same file may be picked again after it was fixed on disk: clear the input so `change` fires.
    input.value = '';
    if (file) this.choose(file);
  }

  protected onDragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragging.set(true);
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    const file = event.dataTransfer?.files?.[0];
    if (file && !this.busy()) this.choose(file);
  }

  choose(file: File): void {
    this.file.set(file);
    this.reset();
  }

  protected downloadTemplate(): void {
    const entity = this.entity();
    if (!entity) return;
    this.api.template(entity).subscribe({
      next: (blob) => this.csv.save(blob, `${entity}-template.csv`),
      error: (error: unknown) => this.problem.set(this.describe(error)),
    });
  }

  /** A dry run of the chosen file: validates everything, writes nothing. */
  startPreview(): void {
    const entity = this.entity();
    const file = this.file();
    if (!entity || !file || !this.canPreview()) return;
    this.reset();
    this.busy.set('preview');
    this.follow(this.api.start(entity, true, file), (record) => this.preview.set({ record, file, entity }));
  }

  /** Asks first (with what will be written), then imports the previewed file for real. */
  protected confirmImport(): void {
    const preview = this.preview();
    if (!preview || !this.canImport()) return;
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: t('imports.confirm.title'),
          message: t('imports.confirm.message', {
            name: isolate(preview.file.name),
            created: preview.record.created,
            updated: preview.record.updated,
          }),
          confirm: t('imports.confirm.confirm'),
          cancel: t('common.cancel'),
          tone: 'primary',
        },
      })
      .afterClosed()
      .subscribe((yes) => {
        if (yes) this.startImport();
      });
  }

  startImport(): void {
    const preview = this.preview();
    const file = this.file();
    if (!preview || !file || !this.canImport()) return;
    this.problem.set(null);
    this.undoReport.set(null);
    this.busy.set('import');
    this.follow(this.api.start(preview.entity, false, file), (record) => {
      this.run.set(record);
      if (record.status === 'done') {
        // The file is in: importing it again would create its new rows twice, so a fresh preview is needed.
        this.preview.set(null);
        this.notices.say('imports.result.doneNotice', { created: record.created, updated: record.updated });
      }
    });
  }

  protected confirmUndo(record: ImportRecord): void {
    this.dialogs.confirm(
      { title: 'imports.undo.title', message: 'imports.undo.message', confirm: 'imports.undo.confirm' },
      isolate(record.fileName),
      () => this.undo(record),
    );
  }

  private undo(record: ImportRecord): void {
    this.problem.set(null);
    this.api.undo(record.id).subscribe({
      next: (result) => {
        this.undoReport.set(result);
        this.notices.say('imports.undo.done', { archived: result.archived, restored: result.restored });
        this.history.reload();
      },
      error: (error: unknown) => this.problem.set(this.describe(error)),
    });
  }

  protected downloadErrors(): void {
    const record = this.current();
    if (!record || record.errors.length === 0) return;
    const header = (['row', 'column', 'message'] as const).map((k) => this.transloco.translate(`imports.errors.table.${k}`)) as [
      string,
      string,
      string,
    ];
    // A byte-order mark, so Excel reads the file (Arabic messages, accented names) as UTF-8.
    const blob = new Blob(['\uFEFF', errorsToCsv(record.errors, header)], { type: 'text/csv;charset=utf-8' });
    this.csv.save(blob, errorsFileName(record.fileName));
  }

  protected onHistoryPage(event: PageEvent): void {
    this.historyPage.set(event.pageIndex + 1);
  }

  /** May this row of the history be undone (a finished real run that wrote something)? */
  protected undoable(record: ImportRecord): boolean {
    return !record.dryRun && record.status === 'done' && record.created + record.updated > 0;
  }

  /** A finished preview says whether it found problems rather than a bare "done". */
  protected shownStatus(record: ImportRecord): string {
    return historyStatus(record);
  }

  /** A byte count in the reader's language and units (kB up to a megabyte, MB above). */
  protected size(bytes: number): string {
    const mb = bytes >= 1024 * 1024;
    return new Intl.NumberFormat(this.language.locale(), {
      style: 'unit',
      unit: mb ? 'megabyte' : 'kilobyte',
      unitDisplay: 'short',
      maximumFractionDigits: mb ? 1 : 0,
    }).format(mb ? bytes / 1024 / 1024 : Math.max(1, Math.round(bytes / 1024)));
  }

  /** Sends, then asks how far the run got until it is finished; the page reads every answer. */
  private follow(start: Observable<ImportRecord>, update: (record: ImportRecord) => void): void {
    start
      .pipe(
        switchMap((first) =>
          concat(
            of(first),
            isFinished(first)
              ? EMPTY
              : timer(POLL_MS, POLL_MS).pipe(
                  switchMap(() => this.api.get(first.id)),
                  takeWhile((record) => !isFinished(record), true),
                ),
          ),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (record) => {
          update(record);
          if (isFinished(record)) this.finish();
        },
        error: (error: unknown) => {
          this.problem.set(this.describe(error));
          this.finish();
        },
      });
  }

  private finish(): void {
    this.busy.set(null);
    this.history.reload();
  }

  /** A new file or entity: whatever was previewed or imported before no longer applies. */
  private reset(): void {
    this.preview.set(null);
    this.run.set(null);
    this.problem.set(null);
    this.undoReport.set(null);
  }

  private describe(error: unknown): Problem {
    if (!(error instanceof HttpErrorResponse)) return { key: 'imports.problems.unexpected' };
    switch (error.status) {
      case 0:
        return { key: 'imports.problems.offline' };
      case 413:
        return { key: 'imports.problems.tooBig', params: { size: this.maxSize() } };
      case 400: {
        const fields = fieldErrors(error);
        if (fields.length > 0) {
          return {
            key: 'imports.problems.invalid',
            params: {
              fields: fields.map((f) => f.field).join(', '),
              details: fields.map((f) => f.message).join(' '),
            },
          };
        }
        return { key: 'imports.problems.refused', params: { message: serverMessage(error) ?? '' } };
      }
      case 403:
        return { key: 'imports.problems.forbidden' };
      case 404:
        return { key: 'imports.problems.notFound' };
      case 409:
      case 422:
        return { key: 'imports.problems.refused', params: { message: serverMessage(error) ?? '' } };
      default:
        return { key: 'imports.problems.unexpected' };
    }
  }
}

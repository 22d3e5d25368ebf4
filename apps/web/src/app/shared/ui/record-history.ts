import { ChangeDetectionStrategy, Component, Resource, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { HistoryEntry } from '@impact/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language.service';
import { LocaleDatePipe, formatDate, formatNumber } from '../../core/i18n/locale.pipes';
import { FigureRange } from './figures';
import { StatusChip } from './status-chip';

/** How the history shows one audited field of a record. */
export interface HistoryField {
  /** Translation key of the field's label. */
  label: string;
  /**
   * How its values read: text as it is (the default), a number, a calendar day, yes or no, an enum value
   * (translated under `key`), head-counts (each group's label under `key`), or ids, which mean nothing to
   * a person and read "changed".
   */
  as?: 'text' | 'number' | 'date' | 'flag' | 'enum' | 'counts' | 'ids';
  key?: string;
  /** Head-counts: the order the groups are listed in (others follow). */
  order?: readonly string[];
}

interface ChangeLine {
  field: string;
  label: string;
  /** Display values; null for ids, shown as "changed". */
  old: string | null;
  new: string | null;
}

/**
 * A record's history: who did what and when, each status step with its note, each edit with what changed
 * (old → new, in the reading direction). `fields` says which audited fields to show and how.
 */
@Component({
  selector: 'it-record-history',
  imports: [FigureRange, LocaleDatePipe, MatIconModule, StatusChip, TranslocoPipe],
  template: `
    <section class="it-panel" [attr.aria-labelledby]="headingId()">
      <h2 [id]="headingId()" class="it-panel-title">{{ 'commitments.history.title' | transloco }}</h2>
      @if (history().error()) {
        <p class="it-muted" role="alert">{{ 'list.loadFailed' | transloco }}</p>
      }
      <ol class="it-history">
        @for (h of entries(); track h.id) {
          <li class="it-history-entry">
            <div class="it-history-head">
              <strong
                ><bdi>{{ h.actorName ?? ('commitments.history.system' | transloco) }}</bdi></strong
              >
              <time class="it-muted" [attr.datetime]="h.at">{{ h.at | itDate: 'long' }}</time>
            </div>
            @if (h.from && h.to) {
              <div class="it-history-move">
                <it-status-chip [status]="$any(h.from)" />
                <mat-icon aria-hidden="true" class="it-flip-rtl it-inline-icon">arrow_forward</mat-icon>
                <span class="it-visually-hidden">{{ 'commitments.transition.toWord' | transloco }}</span>
                <it-status-chip [status]="$any(h.to)" />
              </div>
            } @else {
              <div>{{ 'commitments.history.action.' + h.action | transloco }}</div>
            }
            @if (h.note) {
              <blockquote class="it-note" dir="auto">{{ h.note }}</blockquote>
            }
            @if (changeLines(h); as lines) {
              @if (lines.length > 0) {
                <ul class="it-changes">
                  @for (line of lines; track line.field) {
                    <li [attr.data-field]="line.field">
                      <span class="it-muted">{{ line.label | transloco }}:</span>
                      @if (line.new === null) {
                        {{ 'commitments.history.changed' | transloco }}
                      } @else {
                        <it-range [from]="line.old" [to]="line.new" />
                      }
                    </li>
                  }
                </ul>
              }
            }
          </li>
        } @empty {
          @if (history().hasValue()) {
            <li class="it-muted">{{ 'commitments.history.empty' | transloco }}</li>
          }
        }
      </ol>
    </section>
  `,
  styleUrls: ['./record-page.scss'],
  styles: `
    .it-panel-title {
      font: var(--mat-sys-title-medium);
      margin: 0 0 12px;
    }
    .it-history,
    .it-changes {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .it-history-entry {
      padding-block: 10px;
      padding-inline-start: 12px;
      border-inline-start: 3px solid var(--mat-sys-outline-variant);
      margin-block-end: 8px;
      display: grid;
      gap: 4px;
    }
    .it-history-head {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .it-history-move {
      display: flex;
      align-items: center;
      gap: 6px;
    }
    .it-inline-icon {
      font-size: 18px;
      inline-size: 18px;
      block-size: 18px;
    }
    .it-note {
      margin: 0;
      padding-inline-start: 8px;
      border-inline-start: 2px solid var(--mat-sys-primary);
      white-space: pre-line;
    }
    .it-changes {
      font: var(--mat-sys-body-small);
      overflow-wrap: anywhere;

      li {
        display: flex;
        flex-wrap: wrap;
        gap: 0 6px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordHistory {
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);

  /** The record's history as it loads. */
  readonly history = input.required<Resource<HistoryEntry[] | undefined>>();
  /** The audited fields to show, by field name; others are left out. */
  readonly fields = input.required<Record<string, HistoryField>>();
  /** Unique on the page: the id of the heading that names the section. */
  readonly headingId = input('history-h');

  protected readonly entries = computed<HistoryEntry[]>(() => {
    const h = this.history();
    return h.hasValue() ? (h.value() ?? []) : [];
  });

  /**
   * The field changes of an edit, in the reader's words. A creation lists nothing (it is all new), and
   * a status step is already shown by its chips.
   */
  protected changeLines(h: HistoryEntry): ChangeLine[] {
    if (!h.changes || h.action === 'create') return [];
    const fields = this.fields();
    return Object.entries(h.changes)
      .filter(([key]) => !(key === 'status' && h.from && h.to) && Object.prototype.hasOwnProperty.call(fields, key))
      .map(([key, change]) => {
        const field = fields[key];
        if (field.as === 'ids') return { field: key, label: field.label, old: null, new: null };
        if (field.as === 'counts') {
          const [old, now] = this.counts(field, change.old, change.new);
          return { field: key, label: field.label, old, new: now };
        }
        return { field: key, label: field.label, old: this.value(field, change.old), new: this.value(field, change.new) };
      });
  }

  private value(field: HistoryField, v: unknown): string {
    if (v === null || v === undefined || v === '') return '—';
    const locale = this.language.locale();
    switch (field.as) {
      case 'enum':
        return this.transloco.translate(`${field.key}.${String(v)}`);
      case 'number':
        return typeof v === 'number' ? formatNumber(v, locale) : String(v);
      case 'date':
        return typeof v === 'string' ? formatDate(v, locale) : String(v);
      case 'flag':
        return this.transloco.translate(v ? 'figures.yes' : 'figures.no');
      default:
        return Array.isArray(v) ? v.join(', ') : String(v);
    }
  }

  /** Head-counts: only the groups that changed, "Youth 5" → "Youth 12". */
  private counts(field: HistoryField, old: unknown, now: unknown): [string, string] {
    const a = (old ?? {}) as Record<string, unknown>;
    const b = (now ?? {}) as Record<string, unknown>;
    const rank = (g: string) => (field.order?.includes(g) ? field.order.indexOf(g) : Number.MAX_SAFE_INTEGER);
    const groups = Object.keys({ ...a, ...b })
      .filter((k) => a[k] !== b[k])
      .sort((x, y) => rank(x) - rank(y));
    const say = (o: Record<string, unknown>) =>
      groups
        .map(
          (g) =>
            `${this.transloco.translate(`${field.key}.${g}`)} ${typeof o[g] === 'number' ? formatNumber(o[g], this.language.locale()) : '—'}`,
        )
        .join(', ');
    return [say(a), say(b)];
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatIconModule } from '@angular/material/icon';
import { CommitmentListItem, HistoryEntry } from '@impact/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LocaleDatePipe } from '../../core/i18n/locale.pipes';
import { StatusChip } from '../../shared/ui/status-chip';
import { CommitmentsApi } from '../data-access/commitments.api';

interface ChangeLine {
  /** Translation key of the field's label. */
  label: string;
  /** Display values; null for a reference, shown as "changed". */
  old: string | null;
  new: string | null;
}

/** How the history shows each audited field of a commitment. */
const HISTORY_FIELDS: Record<string, { label: string; enumKey?: string; ids?: boolean }> = {
  title: { label: 'title' },
  kind: { label: 'kind', enumKey: 'enums.commitmentKind' },
  status: { label: 'status', enumKey: 'status.commitment' },
  progress: { label: 'progress' },
  targetDate: { label: 'targetDate' },
  description: { label: 'description' },
  cityId: { label: 'city', ids: true },
  hubId: { label: 'hub', ids: true },
  ownerId: { label: 'owner', ids: true },
  inspiredByEngagementIds: { label: 'inspiredBy', ids: true },
  partnerIds: { label: 'partners', ids: true },
};

/** A commitment's history: each step with its note, each edit with what changed. Follows the commitment's version. */
@Component({
  selector: 'it-commitment-history',
  imports: [LocaleDatePipe, MatIconModule, StatusChip, TranslocoPipe],
  templateUrl: './history-panel.html',
  styleUrls: ['../../shared/ui/record-page.scss', '../commitment.page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommitmentHistory {
  private readonly api = inject(CommitmentsApi);
  private readonly transloco = inject(TranslocoService);
  readonly commitment = input.required<CommitmentListItem>();

  /** Loaded again whenever the commitment is saved (a new version), so the latest change is there. */
  protected readonly history = rxResource({
    params: () => ({ id: this.commitment().id, version: this.commitment().version }),
    stream: ({ params }) => this.api.history(params.id),
  });
  protected readonly entries = computed<HistoryEntry[]>(() => (this.history.hasValue() ? this.history.value() : []));

  /**
   * The field changes of an edit, in the reader's words: labels and enum values translated, ids (which
   * mean nothing to a person) reduced to "changed". A creation lists nothing (it is all new), and a
   * status change is already shown by its chips.
   */
  protected changeLines(h: HistoryEntry): ChangeLine[] {
    if (!h.changes || h.action === 'create') return [];
    return Object.entries(h.changes)
      .filter(([key]) => !(key === 'status' && h.from && h.to) && HISTORY_FIELDS[key])
      .map(([key, change]) => {
        const field = HISTORY_FIELDS[key];
        const value = (v: unknown): string | null => {
          if (field.ids) return null;
          if (v === null || v === undefined || v === '') return '—';
          if (field.enumKey) return this.transloco.translate(`${field.enumKey}.${String(v)}`);
          return Array.isArray(v) ? v.join(', ') : String(v);
        };
        return { label: `fields.${field.label}`, old: value(change.old), new: value(change.new) };
      });
  }
}

import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { CommitmentListItem } from '@impact/contracts';
import { HistoryField, RecordHistory } from '../../shared/ui/record-history';
import { versionHistory } from '../../shared/ui/record-page';
import { CommitmentsApi } from '../data-access/commitments.api';

/** How the history shows each audited field of a commitment. */
const HISTORY_FIELDS: Record<string, HistoryField> = {
  title: { label: 'fields.title' },
  kind: { label: 'fields.kind', as: 'enum', key: 'enums.commitmentKind' },
  status: { label: 'fields.status', as: 'enum', key: 'status.commitment' },
  progress: { label: 'fields.progress', as: 'number' },
  targetDate: { label: 'fields.targetDate', as: 'date' },
  description: { label: 'fields.description' },
  cityId: { label: 'fields.city', as: 'ids' },
  hubId: { label: 'fields.hub', as: 'ids' },
  ownerId: { label: 'fields.owner', as: 'ids' },
  inspiredByEngagementIds: { label: 'fields.inspiredBy', as: 'ids' },
  partnerIds: { label: 'fields.partners', as: 'ids' },
};

/** A commitment's history: each step with its note, each edit with what changed. Follows the commitment's version. */
@Component({
  selector: 'it-commitment-history',
  imports: [RecordHistory],
  template: `<it-record-history [history]="history" [fields]="fields" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommitmentHistory {
  private readonly api = inject(CommitmentsApi);
  readonly commitment = input.required<CommitmentListItem>();
  protected readonly fields = HISTORY_FIELDS;

  protected readonly history = versionHistory(this.commitment, (id) => this.api.history(id));
}

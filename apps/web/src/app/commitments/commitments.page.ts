import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { COMMITMENT_KINDS, COMMITMENT_STATUSES, CommitmentFilters, CommitmentListItem } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocaleDatePipe } from '../core/i18n/locale.pipes';
import { ListCard, ListColumn, ListPage, recordListView } from '../shared/list/list-page';
import { ListForms } from '../shared/list/list-forms';
import { CITY_CHIP, OWNER_CHIP } from '../shared/list/filter-chips';
import { HUB_FILTER, statusFilter } from '../shared/list/list-parts';
import { ListConfig, RecordList } from '../shared/list/list-state';
import { CityLink } from '../shared/ui/city-link';
import { LocalePercentPipe } from '../shared/ui/percent.pipe';
import { StatusChip } from '../shared/ui/status-chip';
import { CommitmentForm, CommitmentFormData } from './commitment-form';
import { CommitmentsApi } from './data-access/commitments.api';

export const COMMITMENTS_LIST: ListConfig = {
  filters: {
    hubId: 'text',
    cityId: 'text',
    status: 'text',
    kind: 'text',
    overdue: 'flag',
    atRisk: 'flag',
    ownerId: 'text',
    // Dashboard drill-down: achieved within a range.
    achievedFrom: 'date',
    achievedTo: 'date',
  },
  hidden: ['cityId', 'ownerId', 'overdue', 'achievedFrom', 'achievedTo'],
  sortable: ['title', 'targetDate', 'status', 'progress', 'createdAt'],
  // No sort asked for: the API puts what needs attention first (open ones by target date, achieved
  // and cancelled ones last), stable across pages.
};

const COMMITMENTS_VIEW = recordListView('commitments', {
  emptyIcon: 'handshake',
  controls: [
    HUB_FILTER,
    statusFilter('commitment', COMMITMENT_STATUSES),
    { kind: 'select', key: 'kind', label: 'fields.kind', options: COMMITMENT_KINDS, labelKey: 'enums.commitmentKind.' },
    { kind: 'flag', key: 'atRisk', label: 'commitments.atRiskOnly' },
  ],
  chips: [
    CITY_CHIP,
    OWNER_CHIP,
    { key: 'overdue', label: 'worklists.chips.overdue', kind: 'flag' },
    { key: 'achievedFrom', label: 'worklists.chips.achievedFrom', kind: 'date' },
    { key: 'achievedTo', label: 'worklists.chips.achievedTo', kind: 'date' },
  ],
  add: { label: 'commitments.add', resource: 'commitments' },
  emptyLink: { label: 'pages.commitments.action', route: '/engagements' },
});

/** Every commitment the user may read; at-risk ones are marked, filters live in the URL. */
@Component({
  selector: 'it-commitments-page',
  imports: [
    CityLink,
    ListCard,
    ListColumn,
    ListPage,
    LocaleDatePipe,
    LocalePercentPipe,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    RouterLink,
    StatusChip,
    TranslocoPipe,
  ],
  templateUrl: './commitments.page.html',
  styleUrl: '../shared/list/list-cells.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommitmentsPage {
  protected readonly list = new RecordList<CommitmentFilters, CommitmentListItem>(
    COMMITMENTS_LIST,
    inject(CommitmentsApi),
    'commitments.csv',
  );
  protected readonly view = COMMITMENTS_VIEW;
  private readonly forms = new ListForms(this.list);

  protected create(): void {
    this.forms.create(CommitmentForm, {} satisfies CommitmentFormData, '/commitments');
  }
}

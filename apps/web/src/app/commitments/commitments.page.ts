import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { COMMITMENT_KINDS, COMMITMENT_STATUSES, CommitmentFilters, CommitmentListItem } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { CanDirective } from '../core/auth/can.directive';
import { LocaleDatePipe } from '../core/i18n/locale.pipes';
import { LookupsApi } from '../shared/data/lookups.api';
import { openForm } from '../shared/forms/dialogs';
import { ListCard, ListColumn, ListPage } from '../shared/list/list-page';
import { FilterSelect } from '../shared/list/list-parts';
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
  defaultSort: 'targetDate:asc',
};

/** Every commitment the user may read; at-risk ones are marked, filters live in the URL. */
@Component({
  selector: 'it-commitments-page',
  imports: [
    CanDirective,
    CityLink,
    FilterSelect,
    ListCard,
    ListColumn,
    ListPage,
    LocaleDatePipe,
    LocalePercentPipe,
    MatButtonModule,
    MatCheckboxModule,
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
  private readonly api = inject(CommitmentsApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  protected readonly list = new RecordList<CommitmentFilters, CommitmentListItem>(
    COMMITMENTS_LIST,
    (query) => this.api.list(query),
    (query) => this.api.exportCsv(query, 'commitments.csv'),
  );
  protected readonly hubs = toSignal(inject(LookupsApi).hubs(), { initialValue: [] });
  protected readonly statuses = COMMITMENT_STATUSES;
  protected readonly kinds = COMMITMENT_KINDS;

  protected create(): void {
    openForm<CommitmentForm, CommitmentFormData, CommitmentListItem>(this.dialog, CommitmentForm, {}).subscribe((saved) => {
      if (saved) void this.router.navigate(['/commitments', saved.id]);
    });
  }
}

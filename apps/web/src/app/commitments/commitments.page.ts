import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { COMMITMENT_KINDS, COMMITMENT_STATUSES, CommitmentFilters, CommitmentListItem } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { CanDirective } from '../core/auth/can.directive';
import { LocaleDatePipe } from '../core/i18n/locale.pipes';
import { LookupsApi } from '../shared/data/lookups.api';
import { openForm } from '../shared/forms/dialogs';
import { CsvButton, FilterSelect, ListStates, SearchBox } from '../shared/list/list-parts';
import { ListConfig, ListState, PAGE_SIZES } from '../shared/list/list-state';
import { narrowScreen } from '../shared/ui/breakpoints';
import { CityLink } from '../shared/ui/city-link';
import { PageHeader } from '../shared/ui/page-header';
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
    CsvButton,
    ListStates,
    LocaleDatePipe,
    LocalePercentPipe,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSortModule,
    MatTableModule,
    PageHeader,
    RouterLink,
    FilterSelect,
    SearchBox,
    StatusChip,
    TranslocoPipe,
  ],
  templateUrl: './commitments.page.html',
  styleUrl: '../shared/list/list-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommitmentsPage {
  private readonly api = inject(CommitmentsApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  protected readonly list = new ListState<CommitmentFilters>(COMMITMENTS_LIST);
  protected readonly cards = narrowScreen();
  protected readonly hubs = toSignal(inject(LookupsApi).hubs(), { initialValue: [] });
  protected readonly statuses = COMMITMENT_STATUSES;
  protected readonly kinds = COMMITMENT_KINDS;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly columns = ['title', 'city', 'kind', 'status', 'progress', 'targetDate', 'owner'];

  protected readonly result = rxResource({ params: () => this.list.query(), stream: ({ params }) => this.api.list(params) });
  protected readonly items = computed<CommitmentListItem[]>(() => (this.result.hasValue() ? this.result.value().items : []));
  protected readonly total = computed(() => (this.result.hasValue() ? this.result.value().total : 0));
  protected readonly exportCsv = () => this.api.exportCsv(this.list.query(), 'commitments.csv');

  protected create(): void {
    openForm<CommitmentForm, CommitmentFormData, CommitmentListItem>(this.dialog, CommitmentForm, {}).subscribe((saved) => {
      if (saved) void this.router.navigate(['/commitments', saved.id]);
    });
  }

  protected pick(key: string, value: unknown): void {
    this.list.set({ [key]: (value as string | boolean | null) ?? null });
  }
}

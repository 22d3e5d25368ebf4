import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
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
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { FOLLOW_UP_STATUSES, FollowUpFilters, FollowUpListItem } from '@impact/contracts';
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
import { StatusChip } from '../shared/ui/status-chip';
import { FollowUpsApi } from './data-access/follow-ups.api';
import { FollowUpForm, FollowUpFormData } from './follow-up-form';
import { MarkDone } from './mark-done';

export const FOLLOW_UPS_LIST: ListConfig = {
  filters: { hubId: 'text', cityId: 'text', ownerId: 'text', status: 'text', overdue: 'flag', commitmentId: 'text', engagementId: 'text' },
  hidden: ['cityId', 'ownerId', 'commitmentId', 'engagementId'],
  sortable: ['dueDate', 'title', 'status'],
  // Open ones by due date: the overdue float up.
  defaultSort: 'dueDate:asc',
  defaults: { status: 'open' },
};

/** Actions owed on commitments and engagements, late ones first; one click marks one done. */
@Component({
  selector: 'it-follow-ups-page',
  imports: [
    CanDirective,
    CityLink,
    CsvButton,
    ListStates,
    LocaleDatePipe,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSortModule,
    MatTableModule,
    MatTooltipModule,
    PageHeader,
    RouterLink,
    FilterSelect,
    SearchBox,
    StatusChip,
    TranslocoPipe,
  ],
  templateUrl: './follow-ups.page.html',
  styleUrl: '../shared/list/list-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowUpsPage {
  private readonly api = inject(FollowUpsApi);
  private readonly dialog = inject(MatDialog);
  private readonly markDone = inject(MarkDone);
  protected readonly list = new ListState<FollowUpFilters>(FOLLOW_UPS_LIST);
  protected readonly cards = narrowScreen();
  protected readonly hubs = toSignal(inject(LookupsApi).hubs(), { initialValue: [] });
  protected readonly statuses = FOLLOW_UP_STATUSES;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly columns = ['status', 'title', 'about', 'city', 'kind', 'owner', 'dueDate', 'actions'];
  protected readonly busy = signal<string | null>(null);

  protected readonly result = rxResource({ params: () => this.list.query(), stream: ({ params }) => this.api.list(params) });
  protected readonly items = computed<FollowUpListItem[]>(() => (this.result.hasValue() ? this.result.value().items : []));
  protected readonly total = computed(() => (this.result.hasValue() ? this.result.value().total : 0));
  protected readonly exportCsv = () => this.api.exportCsv(this.list.query(), 'follow-ups.csv');

  protected place(f: FollowUpListItem) {
    return { hubIds: [f.hubId], cityIds: f.cityId ? [f.cityId] : [] };
  }

  protected pick(key: string, value: unknown): void {
    this.list.set({ [key]: (value as string | boolean | null) ?? null });
  }

  protected done(f: FollowUpListItem): void {
    this.busy.set(f.id);
    this.markDone.run(f).subscribe(() => {
      this.busy.set(null);
      this.result.reload();
    });
  }

  protected create(): void {
    openForm<FollowUpForm, FollowUpFormData, FollowUpListItem>(this.dialog, FollowUpForm, {}).subscribe((saved) => {
      if (saved) this.result.reload();
    });
  }

  protected edit(followUp: FollowUpListItem): void {
    openForm<FollowUpForm, FollowUpFormData, FollowUpListItem>(this.dialog, FollowUpForm, { followUp }).subscribe((saved) => {
      if (saved) this.result.reload();
    });
  }
}

import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ENGAGEMENT_TYPES, EngagementFilters, EngagementListItem } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { CanDirective } from '../core/auth/can.directive';
import { LocaleDatePipe, LocaleNumberPipe } from '../core/i18n/locale.pipes';
import { LookupsApi } from '../shared/data/lookups.api';
import { fromIsoDate, toIsoDate } from '../shared/forms/dates';
import { openForm } from '../shared/forms/dialogs';
import { LOCALE_DATE_PROVIDERS } from '../shared/forms/locale-date-adapter';
import { CsvButton, FilterSelect, ListStates, SearchBox } from '../shared/list/list-parts';
import { ListConfig, ListState, PAGE_SIZES } from '../shared/list/list-state';
import { narrowScreen } from '../shared/ui/breakpoints';
import { CityLink } from '../shared/ui/city-link';
import { PageHeader } from '../shared/ui/page-header';
import { EngagementsApi } from './data-access/engagements.api';
import { EngagementForm, EngagementFormData } from './engagement-form';

export const ENGAGEMENTS_LIST: ListConfig = {
  // `ledToCommitment`: the dashboard's drill-down to engagements that inspired a commitment.
  filters: { hubId: 'text', cityId: 'text', type: 'text', from: 'date', to: 'date', ledToCommitment: 'flag' },
  hidden: ['cityId', 'ledToCommitment'],
  sortable: ['startDate', 'title', 'type'],
  defaultSort: 'startDate:desc',
};

/** What the network did with cities, newest first. */
@Component({
  selector: 'it-engagements-page',
  imports: [
    CanDirective,
    CityLink,
    CsvButton,
    ListStates,
    LocaleDatePipe,
    LocaleNumberPipe,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSortModule,
    MatTableModule,
    MatTooltipModule,
    PageHeader,
    FilterSelect,
    SearchBox,
    TranslocoPipe,
  ],
  providers: [LOCALE_DATE_PROVIDERS],
  templateUrl: './engagements.page.html',
  styleUrl: '../shared/list/list-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EngagementsPage {
  private readonly api = inject(EngagementsApi);
  private readonly dialog = inject(MatDialog);
  protected readonly list = new ListState<EngagementFilters>(ENGAGEMENTS_LIST);
  protected readonly cards = narrowScreen();
  protected readonly hubs = toSignal(inject(LookupsApi).hubs(), { initialValue: [] });
  protected readonly types = ENGAGEMENT_TYPES;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly columns = ['startDate', 'title', 'type', 'hub', 'place', 'cities', 'participants', 'actions'];

  protected readonly result = rxResource({ params: () => this.list.query(), stream: ({ params }) => this.api.list(params) });
  protected readonly items = computed<EngagementListItem[]>(() => (this.result.hasValue() ? this.result.value().items : []));
  protected readonly total = computed(() => (this.result.hasValue() ? this.result.value().total : 0));
  protected readonly from = computed(() => fromIsoDate(this.list.query().from));
  protected readonly to = computed(() => fromIsoDate(this.list.query().to));
  protected readonly exportCsv = () => this.api.exportCsv(this.list.query(), 'engagements.csv');

  protected place(e: EngagementListItem) {
    const cityIds = [e.hostCityId, e.locationCityId, ...e.participatingCityIds].filter((id): id is string => !!id);
    return { hubIds: [e.hubId], cityIds };
  }

  protected pick(key: string, value: unknown): void {
    this.list.set({ [key]: (value as string | null) ?? null });
  }

  protected pickDate(key: 'from' | 'to', value: Date | null): void {
    this.list.set({ [key]: toIsoDate(value) });
  }

  protected create(): void {
    openForm<EngagementForm, EngagementFormData, EngagementListItem>(this.dialog, EngagementForm, {}).subscribe((saved) => {
      if (saved) this.result.reload();
    });
  }

  protected edit(engagement: EngagementListItem): void {
    openForm<EngagementForm, EngagementFormData, EngagementListItem>(this.dialog, EngagementForm, { engagement }).subscribe((saved) => {
      if (saved) this.result.reload();
    });
  }
}

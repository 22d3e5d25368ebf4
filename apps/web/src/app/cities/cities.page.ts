import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { Router } from '@angular/router';
import { CityFilters, CityListItem, MEMBERSHIP_STATUSES } from '@impact/contracts';
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
import { CityForm, CityFormData } from './city-form';
import { CitiesApi } from './data-access/cities.api';

export const CITIES_LIST: ListConfig = {
  // `active`, `activeFrom`, `activeTo`: the dashboard's drill-down to cities active in a range.
  filters: { hubId: 'text', countryCode: 'text', membershipStatus: 'text', active: 'flag', activeFrom: 'date', activeTo: 'date' },
  hidden: ['countryCode', 'active', 'activeFrom', 'activeTo'],
  sortable: ['name', 'countryCode', 'memberSince'],
  defaultSort: 'name:asc',
};

/** The cities of the network; a name opens the city's whole story. */
@Component({
  selector: 'it-cities-page',
  imports: [
    CanDirective,
    CityLink,
    CsvButton,
    ListStates,
    LocaleDatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSortModule,
    MatTableModule,
    PageHeader,
    FilterSelect,
    SearchBox,
    TranslocoPipe,
  ],
  templateUrl: './cities.page.html',
  styleUrl: '../shared/list/list-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CitiesPage {
  private readonly api = inject(CitiesApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  protected readonly list = new ListState<CityFilters>(CITIES_LIST);
  protected readonly cards = narrowScreen();
  protected readonly hubs = toSignal(inject(LookupsApi).hubs(), { initialValue: [] });
  protected readonly memberships = MEMBERSHIP_STATUSES;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly columns = ['name', 'countryCode', 'hub', 'kind', 'membership', 'memberSince', 'leadOfficial'];

  protected readonly result = rxResource({ params: () => this.list.query(), stream: ({ params }) => this.api.list(params) });
  protected readonly items = computed<CityListItem[]>(() => (this.result.hasValue() ? this.result.value().items : []));
  protected readonly total = computed(() => (this.result.hasValue() ? this.result.value().total : 0));
  protected readonly exportCsv = () => this.api.exportCsv(this.list.query(), 'cities.csv');

  protected pick(key: string, value: unknown): void {
    this.list.set({ [key]: (value as string | null) ?? null });
  }

  protected create(): void {
    openForm<CityForm, CityFormData, CityListItem>(this.dialog, CityForm, {}).subscribe((saved) => {
      if (saved) void this.router.navigate(['/cities', saved.id]);
    });
  }
}

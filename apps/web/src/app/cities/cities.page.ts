import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { CityFilters, CityListItem, MEMBERSHIP_STATUSES } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocaleDatePipe } from '../core/i18n/locale.pipes';
import { ListCard, ListColumn, ListPage, recordListView } from '../shared/list/list-page';
import { ListForms } from '../shared/list/list-forms';
import { HUB_FILTER } from '../shared/list/list-parts';
import { ListConfig, RecordList } from '../shared/list/list-state';
import { CityLink } from '../shared/ui/city-link';
import { CityForm, CityFormData } from './city-form';
import { CitiesApi } from './data-access/cities.api';
import { HubNamePipe } from '../shared/ui/hub-name';

export const CITIES_LIST: ListConfig = {
  // `active`, `activeFrom`, `activeTo`: the dashboard's drill-down to cities active in a range.
  filters: { hubId: 'text', countryCode: 'text', membershipStatus: 'text', active: 'flag', activeFrom: 'date', activeTo: 'date' },
  hidden: ['countryCode', 'active', 'activeFrom', 'activeTo'],
  sortable: ['name', 'countryCode', 'memberSince'],
  defaultSort: 'name:asc',
};

const CITIES_VIEW = recordListView('cities', {
  emptyIcon: 'location_city',
  controls: [
    HUB_FILTER,
    { kind: 'select', key: 'membershipStatus', label: 'cities.membership', options: MEMBERSHIP_STATUSES, labelKey: 'enums.membership.' },
  ],
  chips: [
    { key: 'countryCode', label: 'cities.country', kind: 'text' },
    { key: 'active', label: 'worklists.chips.active', kind: 'flag' },
    { key: 'activeFrom', label: 'worklists.chips.activeFrom', kind: 'date' },
    { key: 'activeTo', label: 'worklists.chips.activeTo', kind: 'date' },
  ],
  add: { label: 'cities.add', resource: 'cities' },
});

/** The cities of the network; a name opens the city's whole story. */
@Component({
  selector: 'it-cities-page',
  imports: [HubNamePipe, CityLink, ListCard, ListColumn, ListPage, LocaleDatePipe, MatButtonModule, TranslocoPipe],
  templateUrl: './cities.page.html',
  styleUrl: '../shared/list/list-cells.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CitiesPage {
  protected readonly list = new RecordList<CityFilters, CityListItem>(CITIES_LIST, inject(CitiesApi), 'cities.csv');
  protected readonly view = CITIES_VIEW;
  private readonly forms = new ListForms(this.list);

  protected create(): void {
    this.forms.create(CityForm, {} satisfies CityFormData, '/cities');
  }
}

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { ENGAGEMENT_TYPES, EngagementFilters, EngagementListItem, engagementPlace } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { CanDirective } from '../core/auth/can.directive';
import { LocaleDatePipe, LocaleNumberPipe } from '../core/i18n/locale.pipes';
import { ListCard, ListColumn, ListPage, recordListView } from '../shared/list/list-page';
import { ListForms } from '../shared/list/list-forms';
import { CITY_CHIP } from '../shared/list/filter-chips';
import { DATE_RANGE_FILTERS, HUB_FILTER } from '../shared/list/list-parts';
import { ListConfig, RecordList } from '../shared/list/list-state';
import { CityLink, CityLinks } from '../shared/ui/city-link';
import { EngagementsApi } from './data-access/engagements.api';
import { EngagementForm, EngagementFormData } from './engagement-form';
import { EditAction } from '../shared/ui/row-action';
import { HubNamePipe } from '../shared/ui/hub-name';

export const ENGAGEMENTS_LIST: ListConfig = {
  // `ledToCommitment`: the dashboard's drill-down to engagements that inspired a commitment.
  // `partnerId`: a partner's link (its name on a record, in the partners list).
  filters: { hubId: 'text', cityId: 'text', type: 'text', from: 'date', to: 'date', ledToCommitment: 'flag', partnerId: 'text' },
  hidden: ['cityId', 'ledToCommitment', 'partnerId'],
  sortable: ['startDate', 'title', 'type'],
  defaultSort: 'startDate:desc',
};

const ENGAGEMENTS_VIEW = recordListView('engagements', {
  emptyIcon: 'groups',
  controls: [
    HUB_FILTER,
    { kind: 'select', key: 'type', label: 'fields.type', options: ENGAGEMENT_TYPES, labelKey: 'enums.engagementType.' },
    ...DATE_RANGE_FILTERS,
  ],
  chips: [
    CITY_CHIP,
    { key: 'partnerId', label: 'worklists.chips.partner', kind: 'partner' },
    { key: 'ledToCommitment', label: 'worklists.chips.ledToCommitment', kind: 'flag' },
  ],
  add: { label: 'engagements.add', resource: 'engagements' },
});

/** What the network did with cities, newest first. */
@Component({
  selector: 'it-engagements-page',
  imports: [
    HubNamePipe,
    CanDirective,
    CityLink,
    CityLinks,
    EditAction,
    ListCard,
    ListColumn,
    ListPage,
    LocaleDatePipe,
    LocaleNumberPipe,
    MatButtonModule,
    MatIconModule,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './engagements.page.html',
  styleUrl: '../shared/list/list-cells.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EngagementsPage {
  protected readonly list = new RecordList<EngagementFilters, EngagementListItem>(
    ENGAGEMENTS_LIST,
    inject(EngagementsApi),
    'engagements.csv',
  );
  protected readonly view = ENGAGEMENTS_VIEW;
  protected readonly place = engagementPlace;
  private readonly forms = new ListForms(this.list);

  /** Log a new engagement, or edit one; the list shows the result. */
  protected open(data: EngagementFormData): void {
    this.forms.open(EngagementForm, data);
  }
}

import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { FOLLOW_UP_STATUSES, FollowUpFilters, FollowUpListItem, listedFollowUpPlace } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { CanDirective } from '../core/auth/can.directive';
import { LocaleDatePipe } from '../core/i18n/locale.pipes';
import { ListCard, ListColumn, ListPage, recordListView } from '../shared/list/list-page';
import { ListForms } from '../shared/list/list-forms';
import { CITY_CHIP, OWNER_CHIP } from '../shared/list/filter-chips';
import { HUB_FILTER, statusFilter } from '../shared/list/list-parts';
import { ListConfig, RecordList } from '../shared/list/list-state';
import { CityLink } from '../shared/ui/city-link';
import { StatusChip } from '../shared/ui/status-chip';
import { ContactLinksAction } from './contact-links/contact-links.action';
import { FollowUpsApi } from './data-access/follow-ups.api';
import { FollowUpForm, FollowUpFormData } from './follow-up-form';
import { markDoneAction } from './mark-done';
import { EditAction, RowAction } from '../shared/ui/row-action';

export const FOLLOW_UPS_LIST: ListConfig = {
  filters: { hubId: 'text', cityId: 'text', ownerId: 'text', status: 'text', overdue: 'flag', commitmentId: 'text', engagementId: 'text' },
  hidden: ['cityId', 'ownerId', 'commitmentId', 'engagementId'],
  sortable: ['dueDate', 'title', 'status'],
  // No sort asked for: the API lists by due date (the overdue float up), and with every status shown,
  // open ones first and done or cancelled ones last.
  defaults: { status: 'open' },
};

const FOLLOW_UPS_VIEW = recordListView('followUps', {
  emptyIcon: 'event_upcoming',
  controls: [HUB_FILTER, statusFilter('followUp', FOLLOW_UP_STATUSES), { kind: 'flag', key: 'overdue', label: 'followUps.overdueOnly' }],
  chips: [
    CITY_CHIP,
    OWNER_CHIP,
    { key: 'commitmentId', label: 'fields.commitment', kind: 'commitment' },
    { key: 'engagementId', label: 'fields.engagement', kind: 'engagement' },
  ],
  add: { label: 'followUps.add', resource: 'followUps' },
  emptyLink: { label: 'pages.followUps.action', route: '/commitments' },
});

/** Actions owed on commitments and engagements, late ones first; one click marks one done. */
@Component({
  selector: 'it-follow-ups-page',
  imports: [
    CanDirective,
    CityLink,
    ContactLinksAction,
    ListCard,
    ListColumn,
    ListPage,
    LocaleDatePipe,
    MatButtonModule,
    MatIconModule,
    NgTemplateOutlet,
    RouterLink,
    StatusChip,
    EditAction,
    RowAction,
    TranslocoPipe,
  ],
  templateUrl: './follow-ups.page.html',
  styleUrl: '../shared/list/list-cells.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowUpsPage {
  protected readonly list = new RecordList<FollowUpFilters, FollowUpListItem>(FOLLOW_UPS_LIST, inject(FollowUpsApi), 'follow-ups.csv');
  protected readonly view = FOLLOW_UPS_VIEW;
  protected readonly place = listedFollowUpPlace;
  private readonly forms = new ListForms(this.list);
  protected readonly markDone = markDoneAction(() => this.list.result.reload());

  /** Add a follow-up, or edit one; the list shows the result. */
  protected open(data: FollowUpFormData): void {
    this.forms.open(FollowUpForm, data);
  }
}

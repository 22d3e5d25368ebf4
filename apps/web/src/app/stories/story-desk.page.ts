import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { LANGUAGES, MAX_PAGE_SIZE, STORY_CATEGORIES, STORY_STATUSES, StoryFilters, StoryListItem } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { CanDirective } from '../core/auth/can.directive';
import { LocaleDatePipe } from '../core/i18n/locale.pipes';
import { FilterControl, HUB_FILTER, ListFilters, SearchBox } from '../shared/list/list-parts';
import { ListStates } from '../shared/list/list-states';
import { ListConfig, RecordList } from '../shared/list/list-state';
import { PageHeader } from '../shared/ui/page-header';
import { StoriesApi } from './data-access/stories.api';
import { StoryStatusChip } from './story-status-chip';

export const STORY_DESK_LIST: ListConfig = {
  filters: { status: 'text', category: 'text', language: 'text', hubId: 'text' },
  sortable: [],
  // The desk shows every story at once, as cards (no paging).
  defaultPageSize: MAX_PAGE_SIZE,
};

const DESK_FILTERS: FilterControl[] = [
  {
    kind: 'select',
    key: 'category',
    label: 'stories.fields.category',
    options: STORY_CATEGORIES,
    labelKey: 'stories.category.',
    any: 'stories.desk.all',
  },
  { ...HUB_FILTER, any: 'stories.desk.all' },
  {
    kind: 'select',
    key: 'language',
    label: 'stories.fields.language',
    options: LANGUAGES,
    labelKey: 'language.names.',
    any: 'stories.desk.all',
  },
];

/** The story desk: every story the user may read, filtered in the URL so a view can be shared. */
@Component({
  selector: 'it-story-desk-page',
  imports: [
    CanDirective,
    ListFilters,
    ListStates,
    LocaleDatePipe,
    MatButtonModule,
    MatChipsModule,
    MatIconModule,
    MatProgressBarModule,
    PageHeader,
    RouterLink,
    SearchBox,
    StoryStatusChip,
    TranslocoPipe,
  ],
  templateUrl: './story-desk.page.html',
  styleUrl: './story-desk.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StoryDeskPage {
  protected readonly list = new RecordList<StoryFilters, StoryListItem>(STORY_DESK_LIST, inject(StoriesApi));
  protected readonly statuses = STORY_STATUSES;
  protected readonly controls = DESK_FILTERS;
}

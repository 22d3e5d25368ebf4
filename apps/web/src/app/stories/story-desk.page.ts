import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { LANGUAGES, MAX_PAGE_SIZE, STORY_CATEGORIES, STORY_STATUSES, StoryFilters, StoryListItem } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { CanDirective } from '../core/auth/can.directive';
import { LocaleDatePipe } from '../core/i18n/locale.pipes';
import { LookupsApi } from '../shared/data/lookups.api';
import { FilterSelect, ListStates, SearchBox } from '../shared/list/list-parts';
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

/** The story desk: every story the user may read, filtered in the URL so a view can be shared. */
@Component({
  selector: 'it-story-desk-page',
  imports: [
    CanDirective,
    FilterSelect,
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
  private readonly api = inject(StoriesApi);
  protected readonly list = new RecordList<StoryFilters, StoryListItem>(STORY_DESK_LIST, (query) => this.api.list(query));
  protected readonly statuses = STORY_STATUSES;
  protected readonly categories = STORY_CATEGORIES;
  protected readonly languages = LANGUAGES;
  protected readonly hubs = toSignal(inject(LookupsApi).hubs(), { initialValue: [] });
}

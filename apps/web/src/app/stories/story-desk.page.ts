import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { LANGUAGES, Page, STORY_CATEGORIES, STORY_STATUSES, StoryListItem } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { catchError, debounceTime, map, of, startWith, switchMap } from 'rxjs';
import { CanDirective } from '../core/auth/can.directive';
import { LocaleDatePipe } from '../core/i18n/locale.pipes';
import { LookupsApi } from '../shared/data/lookups.api';
import { EmptyState } from '../shared/ui/empty-state';
import { PageHeader } from '../shared/ui/page-header';
import { StoriesApi } from './data-access/stories.api';
import { StoryStatusChip } from './story-status-chip';

type DeskFilter = 'status' | 'category' | 'language' | 'hubId' | 'q';

/** The story desk: every story the user may read, filtered in the URL so a view can be shared. */
@Component({
  selector: 'it-story-desk-page',
  imports: [
    CanDirective,
    EmptyState,
    FormsModule,
    LocaleDatePipe,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    PageHeader,
    RouterLink,
    StoryStatusChip,
    TranslocoPipe,
  ],
  templateUrl: './story-desk.page.html',
  styleUrl: './story-desk.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StoryDeskPage {
  private readonly api = inject(StoriesApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  protected readonly statuses = STORY_STATUSES;
  protected readonly categories = STORY_CATEGORIES;
  protected readonly languages = LANGUAGES;
  protected readonly hubs = toSignal(inject(LookupsApi).hubs(), { initialValue: [] });

  protected readonly filters = toSignal(
    this.route.queryParamMap.pipe(
      map((p) => ({
        status: p.get('status') ?? '',
        category: p.get('category') ?? '',
        language: p.get('language') ?? '',
        hubId: p.get('hubId') ?? '',
        q: p.get('q') ?? '',
      })),
    ),
    { initialValue: { status: '', category: '', language: '', hubId: '', q: '' } },
  );

  protected readonly state = toSignal(
    this.route.queryParamMap.pipe(
      debounceTime(150),
      switchMap((p) =>
        this.api
          .list({
            status: (p.get('status') || undefined) as StoryListItem['status'] | undefined,
            category: (p.get('category') || undefined) as StoryListItem['category'] | undefined,
            language: (p.get('language') || undefined) as StoryListItem['language'] | undefined,
            q: p.get('q') || undefined,
            hubId: p.get('hubId') || undefined,
            pageSize: 200,
          })
          .pipe(
            map((page: Page<StoryListItem>) => ({ loading: false, error: false, page })),
            catchError(() => of({ loading: false, error: true, page: null })),
            startWith({ loading: true, error: false, page: null as Page<StoryListItem> | null }),
          ),
      ),
    ),
    { initialValue: { loading: true, error: false, page: null as Page<StoryListItem> | null } },
  );

  protected readonly items = computed(() => this.state().page?.items ?? []);
  protected readonly query = signal('');

  protected set(key: DeskFilter, value: string): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { [key]: value || null }, queryParamsHandling: 'merge', replaceUrl: key === 'q' });
  }

  protected retry(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { r: Date.now() }, queryParamsHandling: 'merge', replaceUrl: true });
  }
}

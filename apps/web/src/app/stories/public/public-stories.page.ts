import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  Language,
  PublicStory,
  PublicStoryFacets,
  PublicStoryList,
  PublicStoryQuery,
  RTL_LANGUAGES,
  STORY_CATEGORIES,
  StoryCategory,
  groupStoriesByCategory,
  hubNameIn,
} from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { Subject, catchError, map, of, switchMap } from 'rxjs';
import { LanguageService } from '../../core/i18n/language.service';
import { LocaleNumberPipe } from '../../core/i18n/locale.pipes';
import { EmptyState } from '../../shared/ui/empty-state';
import { IdlePart } from '../../shared/ui/idle-part';
import { PublicStoriesApi } from '../data-access/public-stories.api';
import type { PublicStoryFilterKey, PublicStoryFilterValues } from './public-story-filters';

/** Stories per request: a light first answer on a phone; the reader loads more as they go. */
export const PUBLIC_PAGE_SIZE = 12;

const NO_FILTERS: PublicStoryFilterValues = { category: '', hubId: '', cityId: '', language: '', q: '' };

/**
 * `/stories`: published impact stories grouped by the five categories. The filters live in the URL
 * (a filtered page is a link) and the server filters and pages: the page asks only for what it shows.
 * Without a chosen language, the server picks one version per story, the reader's language first.
 */
@Component({
  selector: 'it-public-stories-page',
  imports: [EmptyState, IdlePart, LocaleNumberPipe, MatButtonModule, MatIconModule, MatProgressBarModule, RouterLink, TranslocoPipe],
  templateUrl: './public-stories.page.html',
  styleUrls: ['./public-stories.page.scss', './public-story-filters.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicStoriesPage {
  private readonly api = inject(PublicStoriesApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly ui = inject(LanguageService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly categories = STORY_CATEGORIES;

  protected readonly filters = toSignal(
    this.route.queryParamMap.pipe(
      map(
        (p) =>
          Object.fromEntries(
            (Object.keys(NO_FILTERS) as PublicStoryFilterKey[]).map((k) => [k, p.get(k) ?? '']),
          ) as PublicStoryFilterValues,
      ),
    ),
    { initialValue: NO_FILTERS },
  );
  protected readonly filtered = computed(() => Object.values(this.filters()).some(Boolean));

  /** What the server is asked for: the URL's filters, and the reader's language when no language is chosen. */
  private readonly query = computed<PublicStoryQuery>(
    () => {
      const f = this.filters();
      const q: PublicStoryQuery = {};
      if (f.category) q.category = f.category as StoryCategory;
      if (f.hubId) q.hubId = f.hubId;
      if (f.cityId) q.cityId = f.cityId;
      if (f.q.trim()) q.q = f.q.trim();
      if (f.language) q.language = f.language as Language;
      else q.preferLanguage = this.ui.language();
      return q;
    },
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );

  /** The stories loaded so far for the current filters: the first page at once, each further page on request. */
  protected readonly state = signal<{ loading: boolean; error: boolean; stories: PublicStory[]; total: number; page: number }>({
    loading: true,
    error: false,
    stories: [],
    total: 0,
    page: 0,
  });
  protected readonly more = computed(() => this.state().stories.length < this.state().total);
  protected readonly groups = computed(() => groupStoriesByCategory(this.state().stories));

  /** The hubs and cities there are stories for (whatever the filters), for the selects and the totals. */
  private readonly facets = toSignal(this.api.facets().pipe(catchError(() => of(null))), { initialValue: null });
  private readonly hubs = computed(() => {
    const language = this.ui.language();
    return (this.facets()?.hubs ?? [])
      .map((h) => ({ id: h.id, name: hubNameIn(h, language) }))
      .sort((a, b) => a.name.localeCompare(b.name, language));
  });
  private readonly cities = computed<PublicStoryFacets['cities']>(() => this.facets()?.cities ?? []);
  protected readonly totals = computed(() => {
    const f = this.facets();
    return f ? { stories: f.stories, cities: f.cities.length } : null;
  });

  /**
   * The filter bar's form fields (Material's form field, select and input) come once the heading and the
   * stories have painted; empty fields of their size hold its place until then.
   */
  protected readonly filterBar = () => import('./public-story-filters').then((m) => m.PublicStoryFilters);
  protected readonly filterBarInputs = computed(() => ({ filters: this.filters(), hubs: this.hubs(), cities: this.cities() }));

  private readonly loads = new Subject<{ query: PublicStoryQuery; page: number }>();

  constructor() {
    this.loads
      .pipe(
        switchMap(({ query, page }) => {
          this.state.update((s) => ({ ...s, loading: true, error: false, ...(page === 1 ? { stories: [], total: 0, page: 0 } : {}) }));
          return this.api.list({ ...query, page, pageSize: PUBLIC_PAGE_SIZE }).pipe(
            map((list): { page: number; list: PublicStoryList | null } => ({ page, list })),
            catchError(() => of({ page, list: null })),
          );
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(({ page, list }) =>
        this.state.update((s) =>
          list
            ? { loading: false, error: false, stories: page === 1 ? list.items : [...s.stories, ...list.items], total: list.total, page }
            : { ...s, loading: false, error: true },
        ),
      );
    toObservable(this.query)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((query) => this.loads.next({ query, page: 1 }));
  }

  protected loadMore(): void {
    if (!this.state().loading) this.loads.next({ query: this.query(), page: this.state().page + 1 });
  }

  protected dirOf(language: Language): 'rtl' | 'ltr' {
    return RTL_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
  }

  protected clear(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }
}

import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { LANGUAGES, Language, PublicStory, RTL_LANGUAGES, STORY_CATEGORIES, StoryCategory, hubNameIn } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { map } from 'rxjs';
import { LanguageService } from '../../core/i18n/language.service';
import { LocaleNumberPipe } from '../../core/i18n/locale.pipes';
import { EmptyState } from '../../shared/ui/empty-state';
import { PublicStoriesApi } from '../data-access/public-stories.api';
import { publicGroups } from './public-view';

/** `/stories`: published impact stories grouped by the five categories, filtered in the URL. */
@Component({
  selector: 'it-public-stories-page',
  imports: [
    EmptyState,
    LocaleNumberPipe,
    MatButtonModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './public-stories.page.html',
  styleUrl: './public-stories.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicStoriesPage {
  private readonly api = inject(PublicStoriesApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly ui = inject(LanguageService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly categories = STORY_CATEGORIES;
  protected readonly languages = LANGUAGES;

  /** The stories loaded so far: the first page at once, each further page when the reader asks for more. */
  protected readonly state = signal<{ loading: boolean; error: boolean; stories: PublicStory[]; total: number; page: number }>({
    loading: true,
    error: false,
    stories: [],
    total: 0,
    page: 0,
  });
  protected readonly more = computed(() => this.state().stories.length < this.state().total);

  constructor() {
    this.loadPage(1);
  }

  protected loadMore(): void {
    if (!this.state().loading) this.loadPage(this.state().page + 1);
  }

  private loadPage(page: number): void {
    this.state.update((s) => ({ ...s, loading: true, error: false }));
    this.api
      .list({ page })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (list) =>
          this.state.update((s) => ({ loading: false, error: false, stories: [...s.stories, ...list.items], total: list.total, page })),
        error: () => this.state.update((s) => ({ ...s, loading: false, error: true })),
      });
  }

  protected readonly filters = toSignal(
    this.route.queryParamMap.pipe(
      map((p) => ({
        category: (p.get('category') ?? '') as StoryCategory | '',
        hubId: p.get('hubId') ?? '',
        cityId: p.get('cityId') ?? '',
        language: (p.get('language') ?? '') as Language | '',
      })),
    ),
    { initialValue: { category: '' as StoryCategory | '', hubId: '', cityId: '', language: '' as Language | '' } },
  );

  protected readonly groups = computed(() => publicGroups(this.state().stories, this.filters(), this.ui.language()));
  protected readonly hubs = computed(() => {
    const language = this.ui.language();
    return uniqueBy(this.state().stories.map((s) => ({ id: s.hub.id, name: hubNameIn(s.hub, language) })));
  });
  protected readonly cities = computed(() => uniqueBy(this.state().stories.flatMap((s) => s.cities)));
  protected readonly totals = computed(() => ({
    stories: this.groups().reduce((n, g) => n + g.stories.length, 0),
    cities: new Set(this.groups().flatMap((g) => g.stories.flatMap((s) => s.cities.map((c) => c.id)))).size,
  }));

  protected dirOf(language: Language): 'rtl' | 'ltr' {
    return RTL_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
  }

  protected set(key: 'category' | 'hubId' | 'cityId' | 'language', value: string): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { [key]: value || null }, queryParamsHandling: 'merge' });
  }

  protected clear(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }
}

function uniqueBy<T extends { id: string; name: string }>(items: T[]): T[] {
  const seen = new Map<string, T>();
  for (const i of items) if (!seen.has(i.id)) seen.set(i.id, i);
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { PublicStory, RTL_LANGUAGES, hubNameIn } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { LocaleDatePipe, LocaleNumberPipe } from '../../core/i18n/locale.pipes';
import { LanguageService } from '../../core/i18n/language.service';
import { EmptyState } from '../../shared/ui/empty-state';
import { PublicStoriesApi } from '../data-access/public-stories.api';

/** `/stories/:id`: one published story with its figures, quotes and cities; prints cleanly. */
@Component({
  selector: 'it-public-story-page',
  imports: [EmptyState, LocaleDatePipe, LocaleNumberPipe, MatButtonModule, MatIconModule, MatProgressBarModule, RouterLink, TranslocoPipe],
  templateUrl: './public-story.page.html',
  styleUrl: './public-story.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicStoryPage {
  private readonly api = inject(PublicStoriesApi);
  private readonly ui = inject(LanguageService);
  readonly id = input.required<string>();

  /** The hub named in the reader's language (the page around the story is in it). */
  protected hubName(hub: PublicStory['hub']): string {
    return hubNameIn(hub, this.ui.language());
  }

  protected readonly state = toSignal(
    toObservable(this.id).pipe(
      switchMap((id) =>
        this.api.get(id).pipe(
          map((story) => ({ loading: false, missing: false, story: story as PublicStory | null })),
          catchError(() => of({ loading: false, missing: true, story: null })),
          startWith({ loading: true, missing: false, story: null }),
        ),
      ),
    ),
    { initialValue: { loading: true, missing: false, story: null as PublicStory | null } },
  );

  protected readonly dir = computed(() => {
    const s = this.state().story;
    return s && RTL_LANGUAGES.includes(s.language) ? 'rtl' : 'ltr';
  });
  protected readonly figures = computed(() => (this.state().story?.figures ?? []).filter((f) => f.value !== null));

  protected exportUrl(format: 'md' | 'html'): string {
    return this.api.exportUrl(this.id(), format);
  }

  protected print(): void {
    window.print();
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DashboardStories, STORY_CATEGORIES, STORY_STATUSES, StoryCategory, StoryStatus, commitmentPlace } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../../core/auth/auth.service';
import { LocaleDatePipe, LocaleNumberPipe } from '../../core/i18n/locale.pipes';
import { CityLink } from '../../shared/ui/city-link';

/**
 * Impact stories on the dashboard: how many of each category are in each status (each count a door to
 * the story desk) and, for staff who draft stories, the achieved commitments still waiting for one.
 */
@Component({
  selector: 'it-story-panel',
  imports: [CityLink, LocaleDatePipe, LocaleNumberPipe, RouterLink, TranslocoPipe],
  templateUrl: './story-panel.html',
  styleUrl: './panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StoryPanel {
  private readonly auth = inject(AuthService);
  /** Undefined while loading. */
  readonly stories = input<DashboardStories>();
  readonly failed = input(false);
  /** The hub the dashboard is narrowed to; the desk opens narrowed the same way. */
  readonly hubId = input<string>();

  protected readonly categories = STORY_CATEGORIES;
  /** Archived stories are left out of the table. */
  protected readonly statuses = STORY_STATUSES.filter((s) => s !== 'archived');

  /** category → status → count, zeros included. */
  protected readonly counts = computed(() => {
    const counts = {} as Record<StoryCategory, Record<StoryStatus, number>>;
    for (const c of STORY_CATEGORIES) counts[c] = Object.fromEntries(STORY_STATUSES.map((s) => [s, 0])) as Record<StoryStatus, number>;
    for (const cell of this.stories()?.byCategoryAndStatus ?? []) {
      if (counts[cell.category]) counts[cell.category][cell.status] = cell.count;
    }
    return counts;
  });
  protected readonly total = computed(() => (this.stories()?.byCategoryAndStatus ?? []).reduce((n, c) => n + c.count, 0));

  /** The commitments still waiting for a story: for hub managers, leadership and admins (not liaisons). */
  protected readonly showWithoutStory = computed(() => {
    const role = this.auth.user()?.role;
    return role === 'hub_manager' || role === 'leadership' || role === 'admin';
  });

  /** Whether the user may draft a story about this commitment. */
  protected canDraft(c: { hubId: string; cityId: string }): boolean {
    return this.auth.can('stories', 'create', commitmentPlace(c));
  }
}

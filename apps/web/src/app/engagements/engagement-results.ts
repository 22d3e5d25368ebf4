import { ChangeDetectionStrategy, Component, Resource, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { EngagementListItem, EngagementRelated, engagementPlace, listedFollowUpPlace } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { CanDirective } from '../core/auth/can.directive';
import { LocaleDatePipe, LocaleNumberPipe } from '../core/i18n/locale.pipes';
import { FollowUpForm, FollowUpFormData } from '../follow-ups/follow-up-form';
import { RecordDialogs } from '../shared/forms/dialogs';
import { CityLink } from '../shared/ui/city-link';
import { LocalePercentPipe } from '../shared/ui/percent.pipe';
import { RowAction } from '../shared/ui/row-action';
import { StatusChip } from '../shared/ui/status-chip';
import { StoryStatusChip } from '../stories/story-status-chip';
import { HubNamePipe } from '../shared/ui/hub-name';

/** What came of an engagement: the commitments it inspired, the follow-ups owed on it, the stories that cite it. */
@Component({
  selector: 'it-engagement-results',
  imports: [
    HubNamePipe,
    CanDirective,
    CityLink,
    LocaleDatePipe,
    LocaleNumberPipe,
    LocalePercentPipe,
    MatButtonModule,
    MatIconModule,
    RouterLink,
    RowAction,
    StatusChip,
    StoryStatusChip,
    TranslocoPipe,
  ],
  templateUrl: './engagement-results.html',
  styleUrls: ['../shared/ui/record-page.scss', './engagement.page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EngagementResults {
  private readonly dialogs = inject(RecordDialogs);
  readonly engagement = input.required<EngagementListItem>();
  /** `GET /api/engagements/:id/related` as it loads (the page reloads it after recording something). */
  readonly related = input.required<Resource<EngagementRelated | undefined> & { reload(): unknown }>();

  protected readonly r = computed<EngagementRelated | null>(() => {
    const related = this.related();
    return related.hasValue() ? (related.value() ?? null) : null;
  });
  protected readonly place = computed(() => engagementPlace(this.engagement()));
  protected readonly followUpPlace = listedFollowUpPlace;

  protected addFollowUp(): void {
    const e = this.engagement();
    this.open({ engagement: { id: e.id, name: e.title } });
  }

  protected open(data: FollowUpFormData): void {
    // Says what was saved, as every record form does, and shows it in the list.
    this.dialogs.openRecordForm(FollowUpForm, data, () => this.related().reload());
  }
}

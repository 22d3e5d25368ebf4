import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { CommitmentListItem, FollowUpListItem } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { forkJoin, of } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { LocaleDatePipe } from '../core/i18n/locale.pipes';
import { markDoneAction } from '../follow-ups/mark-done';
import { ListStates } from '../shared/list/list-states';
import { CityLink } from '../shared/ui/city-link';
import { PageHeader } from '../shared/ui/page-header';
import { LocalePercentPipe } from '../shared/ui/percent.pipe';
import { StatusChip } from '../shared/ui/status-chip';
import { HubAttention, MyWorkApi } from './data-access/my-work.api';
import { HubNamePipe } from '../shared/ui/hub-name';

/** The local date seven days from today, as `YYYY-MM-DD` (comparable with due dates as text). */
function weekAhead(): string {
  const day = new Date();
  day.setDate(day.getDate() + 7);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** What the signed-in person owes: open follow-ups (late first, one click to mark done) and commitments they own. */
@Component({
  selector: 'it-my-work-page',
  imports: [
    HubNamePipe,
    CityLink,
    ListStates,
    LocaleDatePipe,
    LocalePercentPipe,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    PageHeader,
    RouterLink,
    StatusChip,
    TranslocoPipe,
  ],
  templateUrl: './my-work.page.html',
  styleUrls: ['../shared/list/list-cells.scss', './my-work.page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyWorkPage {
  private readonly api = inject(MyWorkApi);
  private readonly auth = inject(AuthService);
  private readonly me = computed(() => this.auth.user()?.id ?? null);

  protected readonly followUps = rxResource({
    params: () => this.me(),
    stream: ({ params }) => (params ? this.api.followUps(params) : of(null)),
  });
  protected readonly commitments = rxResource({
    params: () => this.me(),
    stream: ({ params }) => (params ? this.api.commitments(params) : of(null)),
  });
  /** A hub manager's hubs, each with what needs attention there ("my hub"). */
  protected readonly managedHubs = computed(() => {
    const user = this.auth.user();
    return user?.role === 'hub_manager' ? user.hubIds : [];
  });
  protected readonly hubAttention = rxResource({
    params: () => (this.managedHubs().length ? this.managedHubs() : undefined),
    stream: ({ params }) => forkJoin(params.map((id) => this.api.hubAttention(id))),
  });
  protected readonly hubItems = computed<HubAttention[]>(() => (this.hubAttention.hasValue() ? this.hubAttention.value() : []));

  protected readonly followUpItems = computed<FollowUpListItem[]>(() =>
    this.followUps.hasValue() ? (this.followUps.value()?.items ?? []) : [],
  );
  protected readonly commitmentItems = computed<CommitmentListItem[]>(() =>
    this.commitments.hasValue() ? (this.commitments.value()?.items ?? []) : [],
  );
  protected readonly overdueCount = computed(() => this.followUpItems().filter((f) => f.overdue).length);
  /** Open follow-ups due within the next seven days (today included), not yet late. */
  protected readonly dueThisWeekCount = computed(() => {
    const week = weekAhead();
    return this.followUpItems().filter((f) => !f.overdue && f.dueDate !== null && f.dueDate <= week).length;
  });
  protected readonly markDone = markDoneAction(() => this.followUps.reload());
}

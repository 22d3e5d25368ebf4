import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { CommitmentListItem, CommitmentStatus, FollowUpListItem, commitmentPlace } from '@impact/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { CanDirective } from '../core/auth/can.directive';
import { AuthService } from '../core/auth/auth.service';
import { LocaleDatePipe } from '../core/i18n/locale.pipes';
import { PartnerLinks } from '../shared/ui/partner-links';
import { CityLink } from '../shared/ui/city-link';
import { Notices } from '../shared/ui/notices';
import { RecordPage } from '../shared/ui/record-page';
import { RecordStates } from '../shared/ui/record-states';
import { LocalePercentPipe } from '../shared/ui/percent.pipe';
import { StatusChip } from '../shared/ui/status-chip';
import { EditAction } from '../shared/ui/row-action';
import { CommitmentForm } from './commitment-form';
import { CommitmentsApi } from './data-access/commitments.api';
import { StatusStepper } from './status-stepper';
import { CommitmentFollowUps } from './panels/follow-ups-panel';
import { CommitmentHistory } from './panels/history-panel';
import { CommitmentOutcomes } from './panels/outcomes-panel';
import { TransitionDialog, TransitionDialogData, TransitionResult } from './transition-dialog';
import { FollowUpsApi } from '../follow-ups/data-access/follow-ups.api';
import { catchError, forkJoin, of } from 'rxjs';
import { HubNamePipe } from '../shared/ui/hub-name';

/** One commitment: what it is, where it stands on its path, what is owed on it, what came of it, and its history. */
@Component({
  selector: 'it-commitment-page',
  imports: [
    HubNamePipe,
    CanDirective,
    CityLink,
    EditAction,
    LocaleDatePipe,
    LocalePercentPipe,
    MatButtonModule,
    MatIconModule,
    PartnerLinks,
    MatProgressBarModule,
    RecordStates,
    RouterLink,
    StatusChip,
    StatusStepper,
    CommitmentFollowUps,
    CommitmentHistory,
    CommitmentOutcomes,
    TranslocoPipe,
  ],
  templateUrl: './commitment.page.html',
  styleUrls: ['../shared/ui/record-page.scss', './commitment.page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommitmentPage {
  private readonly api = inject(CommitmentsApi);
  private readonly followUpsApi = inject(FollowUpsApi);
  private readonly notices = inject(Notices);
  private readonly transloco = inject(TranslocoService);
  private readonly auth = inject(AuthService);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly page = new RecordPage(this.id, (id) => this.api.get(id), commitmentPlace);
  protected readonly c = this.page.current;
  protected readonly place = this.page.place;
  protected readonly canMove = computed(() => this.auth.can('commitments', 'transition', this.place()));

  protected move(to: CommitmentStatus): void {
    this.page.open(
      TransitionDialog,
      (commitment): TransitionDialogData => ({ commitment, to }),
      ({ commitment: saved, closed, notClosed }: TransitionResult) => {
        this.page.record.set(saved);
        if (notClosed > 0) {
          this.notices.say('achieve.notClosed', { count: notClosed }, 8000);
        } else if (saved.status === 'achieved') {
          const key = closed.length ? 'undo.achievedClosed' : 'undo.achieved';
          this.notices.offerUndo(key, { name: saved.title, count: closed.length }, () => this.undoAchieved(saved, closed));
        } else {
          this.notices.say('commitments.saved.moved', { status: this.transloco.translate(`status.commitment.${saved.status}`) });
        }
      },
      { width: '520px', disableClose: false },
    );
  }

  /**
   * "Undo" right after "Achieved": the workflow's step back to in progress (a transition the API audits,
   * with a note), and the follow-ups closed with it open again.
   */
  private undoAchieved(achieved: CommitmentListItem, closed: FollowUpListItem[]): void {
    const note = this.transloco.translate('undo.note');
    this.api.transition(achieved.id, 'in_progress', note).subscribe({
      next: (reopened) => {
        const reopenAll = closed.map((f) =>
          this.followUpsApi.update(f.id, { version: f.version, status: 'open' }).pipe(catchError(() => of(null))),
        );
        (reopenAll.length ? forkJoin(reopenAll) : of([])).subscribe(() => {
          this.page.record.set({ ...reopened });
          this.notices.say('undo.reopened', { name: reopened.title });
        });
      },
      error: () => this.notices.say('undo.failed', { name: achieved.title }, 8000),
    });
  }

  protected edit(): void {
    this.page.edit(CommitmentForm);
  }

  protected archive(): void {
    this.page.archive(
      (c) => this.api.archive(c.id),
      (c) => c.title,
      '/commitments',
    );
  }
}

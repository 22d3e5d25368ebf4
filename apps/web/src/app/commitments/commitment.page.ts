import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { CommitmentListItem, CommitmentStatus, commitmentPlace } from '@impact/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { CanDirective } from '../core/auth/can.directive';
import { AuthService } from '../core/auth/auth.service';
import { LocaleDatePipe } from '../core/i18n/locale.pipes';
import { RecordDialogs } from '../shared/forms/dialogs';
import { CityLink, Names } from '../shared/ui/city-link';
import { Notices } from '../shared/ui/notices';
import { RecordStates, routeRecord } from '../shared/ui/record-states';
import { LocalePercentPipe } from '../shared/ui/percent.pipe';
import { StatusChip } from '../shared/ui/status-chip';
import { EditAction } from '../shared/ui/row-action';
import { CommitmentForm, CommitmentFormData } from './commitment-form';
import { CommitmentsApi } from './data-access/commitments.api';
import { StatusStepper } from './status-stepper';
import { CommitmentFollowUps } from './panels/follow-ups-panel';
import { CommitmentHistory } from './panels/history-panel';
import { CommitmentOutcomes } from './panels/outcomes-panel';
import { TransitionDialog, TransitionDialogData } from './transition-dialog';

/** One commitment: what it is, where it stands on its path, what is owed on it, what came of it, and its history. */
@Component({
  selector: 'it-commitment-page',
  imports: [
    CanDirective,
    CityLink,
    EditAction,
    LocaleDatePipe,
    LocalePercentPipe,
    MatButtonModule,
    MatIconModule,
    Names,
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
  private readonly dialogs = inject(RecordDialogs);
  private readonly notices = inject(Notices);
  private readonly transloco = inject(TranslocoService);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthService);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly commitment = routeRecord(this.id, (id) => this.api.get(id));
  protected readonly c = this.commitment.current;
  protected readonly place = computed(() => {
    const c = this.c();
    return c ? commitmentPlace(c) : undefined;
  });
  protected readonly canMove = computed(() => this.auth.can('commitments', 'transition', this.place()));

  protected move(to: CommitmentStatus): void {
    const commitment = this.c();
    if (!commitment) return;
    const data: TransitionDialogData = { commitment, to };
    this.dialogs.open(
      TransitionDialog,
      data,
      (saved: CommitmentListItem) => {
        this.commitment.set(saved);
        this.notices.say('commitments.saved.moved', { status: this.transloco.translate(`status.commitment.${saved.status}`) });
      },
      { width: '520px', disableClose: false },
    );
  }

  protected edit(): void {
    const commitment = this.c();
    if (!commitment) return;
    this.dialogs.openRecordForm(CommitmentForm, { record: commitment } satisfies CommitmentFormData, (saved: CommitmentListItem) =>
      this.commitment.set(saved),
    );
  }

  protected archive(): void {
    const commitment = this.c();
    if (!commitment) return;
    const keys = { title: 'form.archive.title', message: 'form.archive.message', confirm: 'form.archive.confirm' };
    this.dialogs.confirm(keys, commitment.title, () =>
      this.api.archive(commitment.id).subscribe({
        next: () => {
          this.notices.say('form.archive.done', { name: commitment.title });
          void this.router.navigate(['/commitments']);
        },
        error: () => this.notices.say('errors.unexpected'),
      }),
    );
  }
}

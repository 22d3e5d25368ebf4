import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { CommitmentListItem, CommitmentStatus, FollowUpListItem, HistoryEntry, OutcomeListItem, commitmentPlace, listedFollowUpPlace, outcomePlace } from '@impact/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { CanDirective } from '../core/auth/can.directive';
import { AuthService } from '../core/auth/auth.service';
import { LocaleDatePipe, LocaleNumberPipe } from '../core/i18n/locale.pipes';
import { FollowUpForm, FollowUpFormData } from '../follow-ups/follow-up-form';
import { FollowUpsApi } from '../follow-ups/data-access/follow-ups.api';
import { openForm } from '../shared/forms/dialogs';
import { ConfirmDialog, ConfirmDialogData } from '../shared/ui/confirm-dialog';
import { CityLink } from '../shared/ui/city-link';
import { RecordStates } from '../shared/ui/record-states';
import { LocalePercentPipe } from '../shared/ui/percent.pipe';
import { StatusChip } from '../shared/ui/status-chip';
import { CommitmentForm, CommitmentFormData } from './commitment-form';
import { CommitmentsApi } from './data-access/commitments.api';
import { OutcomeForm, OutcomeFormData } from './outcomes/outcome-form';
import { OutcomesApi } from './outcomes/outcomes.api';
import { StatusStepper } from './status-stepper';
import { TransitionDialog, TransitionDialogData } from './transition-dialog';
import { RowAction } from '../shared/ui/row-action';

interface ChangeLine {
  /** Translation key of the field's label. */
  label: string;
  /** Display values; null for a reference, shown as "changed". */
  old: string | null;
  new: string | null;
}

/** How the history shows each audited field of a commitment. */
const HISTORY_FIELDS: Record<string, { label: string; enumKey?: string; ids?: boolean }> = {
  title: { label: 'title' },
  kind: { label: 'kind', enumKey: 'enums.commitmentKind' },
  status: { label: 'status', enumKey: 'status.commitment' },
  progress: { label: 'progress' },
  targetDate: { label: 'targetDate' },
  description: { label: 'description' },
  cityId: { label: 'city', ids: true },
  hubId: { label: 'hub', ids: true },
  ownerId: { label: 'owner', ids: true },
  inspiredByEngagementIds: { label: 'inspiredBy', ids: true },
  partnerIds: { label: 'partners', ids: true },
};

/** One commitment: what it is, where it stands on its path, what is owed on it, what came of it, and its history. */
@Component({
  selector: 'it-commitment-page',
  imports: [
    CanDirective,
    CityLink,
    LocaleDatePipe,
    LocaleNumberPipe,
    LocalePercentPipe,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    RecordStates,
    RouterLink,
    StatusChip,
    StatusStepper,
    RowAction,
    TranslocoPipe,
  ],
  templateUrl: './commitment.page.html',
  styleUrls: ['../shared/ui/record-page.scss', './commitment.page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommitmentPage {
  private readonly api = inject(CommitmentsApi);
  private readonly followUpsApi = inject(FollowUpsApi);
  private readonly outcomesApi = inject(OutcomesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthService);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly commitment = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.get(params) });
  protected readonly history = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.history(params) });
  protected readonly followUps = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.followUpsApi.list({ commitmentId: params, sort: 'dueDate:asc', pageSize: 100 }),
  });
  protected readonly outcomes = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.outcomesApi.list({ commitmentId: params, sort: 'date:desc', pageSize: 100 }),
  });

  protected readonly c = computed<CommitmentListItem | null>(() => (this.commitment.hasValue() ? this.commitment.value() : null));
  protected readonly place = computed(() => {
    const c = this.c();
    return c ? commitmentPlace(c) : undefined;
  });
  protected readonly followUpPlace = listedFollowUpPlace;
  protected readonly outcomePlace = outcomePlace;
  protected readonly canMove = computed(() => this.auth.can('commitments', 'transition', this.place()));
  protected readonly followUpItems = computed<FollowUpListItem[]>(() => (this.followUps.hasValue() ? this.followUps.value().items : []));
  protected readonly outcomeItems = computed<OutcomeListItem[]>(() => (this.outcomes.hasValue() ? this.outcomes.value().items : []));

  /**
   * The field changes of an edit, in the reader's words: labels and enum values translated, ids (which
   * mean nothing to a person) reduced to "changed". A creation lists nothing (it is all new), and a
   * status change is already shown by its chips.
   */
  protected changeLines(h: HistoryEntry): ChangeLine[] {
    if (!h.changes || h.action === 'create') return [];
    return Object.entries(h.changes)
      .filter(([key]) => !(key === 'status' && h.from && h.to) && HISTORY_FIELDS[key])
      .map(([key, change]) => {
        const field = HISTORY_FIELDS[key];
        const value = (v: unknown): string | null => {
          if (field.ids) return null;
          if (v === null || v === undefined || v === '') return '—';
          if (field.enumKey) return this.transloco.translate(`${field.enumKey}.${String(v)}`);
          return Array.isArray(v) ? v.join(', ') : String(v);
        };
        return { label: `fields.${field.label}`, old: value(change.old), new: value(change.new) };
      });
  }

  protected move(to: CommitmentStatus): void {
    const commitment = this.c();
    if (!commitment) return;
    this.dialog
      .open<TransitionDialog, TransitionDialogData, CommitmentListItem>(TransitionDialog, { data: { commitment, to }, width: '520px', maxWidth: '100vw' })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.commitment.set(saved);
        this.history.reload();
        this.snack('commitments.saved.moved', { status: this.transloco.translate(`status.commitment.${saved.status}`) });
      });
  }

  protected edit(): void {
    const commitment = this.c();
    if (!commitment) return;
    openForm<CommitmentForm, CommitmentFormData, CommitmentListItem>(this.dialog, CommitmentForm, { commitment }).subscribe((saved) => {
      if (!saved) return;
      this.commitment.set(saved);
      this.history.reload();
      this.snack('form.saved', { name: saved.title });
    });
  }

  protected archive(): void {
    const commitment = this.c();
    if (!commitment) return;
    const t = (key: string) => this.transloco.translate(key, { name: commitment.title });
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: { title: t('form.archive.title'), message: t('form.archive.message'), confirm: t('form.archive.confirm'), cancel: t('common.cancel') },
      })
      .afterClosed()
      .subscribe((yes) => {
        if (!yes) return;
        this.api.archive(commitment.id).subscribe({
          next: () => {
            this.snack('form.archive.done', { name: commitment.title });
            void this.router.navigate(['/commitments']);
          },
          error: () => this.snack('errors.unexpected'),
        });
      });
  }

  protected addFollowUp(): void {
    const c = this.c();
    if (!c) return;
    openForm<FollowUpForm, FollowUpFormData, FollowUpListItem>(this.dialog, FollowUpForm, { commitment: { id: c.id, name: c.title } }).subscribe(
      (saved) => {
        if (saved) this.followUps.reload();
      },
    );
  }

  protected editFollowUp(followUp: FollowUpListItem): void {
    openForm<FollowUpForm, FollowUpFormData, FollowUpListItem>(this.dialog, FollowUpForm, { followUp }).subscribe((saved) => {
      if (saved) this.followUps.reload();
    });
  }

  protected addOutcome(): void {
    const c = this.c();
    if (!c) return;
    openForm<OutcomeForm, OutcomeFormData, OutcomeListItem>(this.dialog, OutcomeForm, {
      commitment: { id: c.id, name: c.title },
      city: { id: c.cityId, name: c.cityName },
    }).subscribe((saved) => {
      if (saved) this.outcomes.reload();
    });
  }

  protected editOutcome(outcome: OutcomeListItem): void {
    openForm<OutcomeForm, OutcomeFormData, OutcomeListItem>(this.dialog, OutcomeForm, { outcome }).subscribe((saved) => {
      if (saved) this.outcomes.reload();
    });
  }

  private snack(key: string, params?: Record<string, unknown>): void {
    this.snackBar.open(this.transloco.translate(key, params), this.transloco.translate('common.close'), { duration: 5000 });
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { CommitmentListItem, CommitmentStatus, FollowUpListItem, HistoryEntry, OutcomeListItem, commitmentPlace, listedFollowUpPlace, outcomePlace } from '@impact/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { CanDirective } from '../core/auth/can.directive';
import { AuthService } from '../core/auth/auth.service';
import { LocaleDatePipe, LocaleNumberPipe } from '../core/i18n/locale.pipes';
import { FollowUpForm, FollowUpFormData } from '../follow-ups/follow-up-form';
import { FollowUpsApi } from '../follow-ups/data-access/follow-ups.api';
import { RecordDialogs } from '../shared/forms/dialogs';
import { CityLink } from '../shared/ui/city-link';
import { Notices } from '../shared/ui/notices';
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
  private readonly dialogs = inject(RecordDialogs);
  private readonly notices = inject(Notices);
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
    const data: TransitionDialogData = { commitment, to };
    this.dialogs.open(
      TransitionDialog,
      data,
      (saved: CommitmentListItem) => {
        this.commitment.set(saved);
        this.history.reload();
        this.notices.say('commitments.saved.moved', { status: this.transloco.translate(`status.commitment.${saved.status}`) });
      },
      { width: '520px', disableClose: false },
    );
  }

  protected edit(): void {
    const commitment = this.c();
    if (!commitment) return;
    this.dialogs.open(CommitmentForm, { commitment } satisfies CommitmentFormData, (saved: CommitmentListItem) => {
      this.commitment.set(saved);
      this.history.reload();
      this.notices.say('form.saved', { name: saved.title });
    });
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

  protected addFollowUp(): void {
    const c = this.c();
    if (!c) return;
    this.editFollowUp({ commitment: { id: c.id, name: c.title } });
  }

  /** A follow-up owed on this commitment, new or to edit. */
  protected editFollowUp(data: FollowUpFormData): void {
    this.dialogs.open(FollowUpForm, data, () => this.followUps.reload());
  }

  protected addOutcome(): void {
    const c = this.c();
    if (!c) return;
    this.editOutcome({ commitment: { id: c.id, name: c.title }, city: { id: c.cityId, name: c.cityName } });
  }

  /** An outcome of this commitment, new or to edit. */
  protected editOutcome(data: OutcomeFormData): void {
    this.dialogs.open(OutcomeForm, data, () => this.outcomes.reload());
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { HttpErrorResponse } from '@angular/common/http';
import { CommitmentListItem, CommitmentStatus, FollowUpListItem, MAX_LENGTH } from '@impact/contracts';
import { catchError, forkJoin, map, of, switchMap, type Observable } from 'rxjs';
import { FollowUpsApi } from '../follow-ups/data-access/follow-ups.api';
import { TranslocoPipe } from '@jsverse/transloco';
import { FieldErrorPipe } from '../shared/forms/field-error.pipe';
import { FormProblem } from '../shared/forms/form-problem';
import { Problem, serverMessage } from '../shared/forms/record-form';
import { text } from '../shared/forms/validators';
import { StatusChip } from '../shared/ui/status-chip';
import { CommitmentsApi } from './data-access/commitments.api';
import { stepLabel } from './status-stepper';
import { FormActions } from '../shared/forms/form-actions';

export interface TransitionDialogData {
  commitment: CommitmentListItem;
  to: CommitmentStatus;
}

/** The moved commitment, and the follow-ups closed with it (as saved, for an undo), and how many could not be. */
export interface TransitionResult {
  commitment: CommitmentListItem;
  closed: FollowUpListItem[];
  notClosed: number;
}

/** What to do with a commitment's open follow-ups when it is achieved. */
export type OpenFollowUpsChoice = 'close' | 'keep';

/** Open follow-ups named in the question; the rest are counted. */
const NAMED_FOLLOW_UPS = 5;

/**
 * One step of the workflow, with the note every step needs; the server's refusal (422) is shown as it says it.
 * Achieving a commitment that still has open follow-ups first asks whether to close them or keep them open.
 * The API moves a commitment and its follow-ups in separate requests, so closing them follows the step:
 * each one marked done with the version read.
 */
@Component({
  selector: 'it-transition-dialog',
  imports: [
    FieldErrorPipe,
    FormProblem,
    FormActions,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    ReactiveFormsModule,
    StatusChip,
    TranslocoPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'commitments.transition.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
      <mat-dialog-content>
        <it-form-problem [problem]="problem()" [message]="message()" />
        <p class="it-move">
          <it-status-chip [status]="data.commitment.status" />
          <span aria-hidden="true" class="it-flip-rtl">→</span>
          <span class="it-visually-hidden">{{ 'commitments.transition.toWord' | transloco }}</span>
          <it-status-chip [status]="data.to" />
        </p>
        <mat-form-field appearance="outline" class="it-note">
          <mat-label>{{ 'commitments.transition.note' | transloco }}</mat-label>
          <textarea matInput formControlName="note" dir="auto" rows="4" required cdkFocusInitial></textarea>
          <mat-hint>{{ 'commitments.transition.noteHint' | transloco }}</mat-hint>
          <mat-error>{{ note | itFieldError }}</mat-error>
        </mat-form-field>
        @if (openFollowUps().length; as open) {
          <fieldset class="it-open-follow-ups" data-testid="open-follow-ups">
            <legend>{{ 'achieve.question' | transloco: { count: open } }}</legend>
            <ul class="it-open-list">
              @for (f of openFollowUps().slice(0, named); track f.id) {
                <li>
                  <bdi>{{ f.title }}</bdi>
                </li>
              }
              @if (open > named) {
                <li>{{ 'achieve.more' | transloco: { count: open - named } }}</li>
              }
            </ul>
            <mat-radio-group
              formControlName="followUps"
              class="it-choices"
              [attr.aria-label]="'achieve.question' | transloco: { count: open }"
            >
              <mat-radio-button value="close">{{ 'achieve.close' | transloco: { count: open } }}</mat-radio-button>
              <mat-radio-button value="keep">{{ 'achieve.keep' | transloco: { count: open } }}</mat-radio-button>
            </mat-radio-group>
            @if (followUps.touched && followUps.value === null) {
              <p class="it-choice-error" role="alert">{{ 'achieve.choose' | transloco }}</p>
            }
          </fieldset>
        }
      </mat-dialog-content>
      <it-form-actions [saving]="saving()" [submitLabel]="label" />
    </form>
  `,
  styles: `
    .it-move {
      display: flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
    }
    .it-note {
      inline-size: 100%;
    }
    .it-open-follow-ups {
      margin-block: 8px 0;
      margin-inline: 0;
      padding-block: 12px 8px;
      padding-inline: 16px;
      border: 0;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
    }
    /* The question sits inside the box as its first line (a long legend on the border reads badly). */
    .it-open-follow-ups legend {
      float: inline-start;
      inline-size: 100%;
      padding: 0;
      font: var(--mat-sys-title-small);
    }
    .it-open-follow-ups legend + * {
      clear: both;
    }
    .it-open-list {
      margin-block: 4px 8px;
      padding-inline-start: 20px;
      font: var(--mat-sys-body-medium);
    }
    .it-choices {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
    }
    .it-choice-error {
      margin: 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TransitionDialog {
  protected readonly data = inject<TransitionDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<TransitionDialog, TransitionResult>>(MatDialogRef);
  private readonly api = inject(CommitmentsApi);
  private readonly followUpsApi = inject(FollowUpsApi);
  protected readonly named = NAMED_FOLLOW_UPS;

  /** Only an achievement asks about the open follow-ups. */
  private readonly openFollowUpsList = rxResource({
    params: () => (this.data.to === 'achieved' ? this.data.commitment.id : undefined),
    stream: ({ params }) => this.followUpsApi.list({ commitmentId: params, status: 'open', sort: 'dueDate:asc', pageSize: 100 }),
  });
  protected readonly openFollowUps = computed<FollowUpListItem[]>(() =>
    this.openFollowUpsList.hasValue() ? this.openFollowUpsList.value().items : [],
  );
  protected readonly followUps = new FormControl<OpenFollowUpsChoice | null>(null);

  protected readonly note = new FormControl('', {
    nonNullable: true,
    validators: text(MAX_LENGTH.commitment.transitionNote, { required: true }),
  });
  protected readonly form = new FormGroup({ note: this.note, followUps: this.followUps });
  protected readonly label = stepLabel(this.data.commitment.status, this.data.to);
  protected readonly saving = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly message = signal<string | null>(null);

  protected confirm(): void {
    // The question about open follow-ups must be asked before an achievement is sent.
    if (this.saving() || this.openFollowUpsList.isLoading()) return;
    const open = this.openFollowUps();
    const unanswered = open.length > 0 && this.followUps.value === null;
    if (!this.note.value.trim() || unanswered) {
      if (!this.note.value.trim()) this.note.setValue('');
      this.note.markAsTouched();
      this.followUps.markAsTouched();
      return;
    }
    const closing = this.followUps.value === 'close' ? open : [];
    this.saving.set(true);
    this.problem.set(null);
    this.api
      .transition(this.data.commitment.id, this.data.to, this.note.value.trim())
      .pipe(switchMap((commitment) => this.close(closing).pipe(map((closed) => ({ commitment, ...closed })))))
      .subscribe({
        next: (result) => this.dialogRef.close(result),
        error: (error: unknown) => {
          this.saving.set(false);
          const status = error instanceof HttpErrorResponse ? error.status : -1;
          this.message.set(status === 422 || status === 409 ? serverMessage(error) : null);
          // No version is sent with a step, so a 409 is a refusal like a 422.
          this.problem.set(
            status === 422
              ? 'refused'
              : status === 403
                ? 'forbidden'
                : status === 0
                  ? 'offline'
                  : status === 409
                    ? 'refused'
                    : 'unexpected',
          );
        },
      });
  }

  /** Marks each follow-up done with the version read; one that fails (changed meanwhile) stays open and is counted. */
  private close(followUps: FollowUpListItem[]): Observable<Pick<TransitionResult, 'closed' | 'notClosed'>> {
    if (followUps.length === 0) return of({ closed: [], notClosed: 0 });
    return forkJoin(followUps.map((f) => this.followUpsApi.markDone(f).pipe(catchError(() => of(null))))).pipe(
      map((saved) => {
        const closed = saved.filter((f): f is FollowUpListItem => f !== null);
        return { closed, notClosed: followUps.length - closed.length };
      }),
    );
  }
}

import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { HttpErrorResponse } from '@angular/common/http';
import { CommitmentListItem, CommitmentStatus, MAX_LENGTH } from '@impact/contracts';
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

/** One step of the workflow, with the note every step needs; the server's refusal (422) is shown as it says it. */
@Component({
  selector: 'it-transition-dialog',
  imports: [
    FieldErrorPipe,
    FormProblem,
    FormActions,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
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
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TransitionDialog {
  protected readonly data = inject<TransitionDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<TransitionDialog, CommitmentListItem>>(MatDialogRef);
  private readonly api = inject(CommitmentsApi);

  protected readonly note = new FormControl('', {
    nonNullable: true,
    validators: text(MAX_LENGTH.commitment.transitionNote, { required: true }),
  });
  protected readonly form = new FormGroup({ note: this.note });
  protected readonly label = stepLabel(this.data.commitment.status, this.data.to);
  protected readonly saving = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly message = signal<string | null>(null);

  protected confirm(): void {
    if (this.saving()) return;
    if (!this.note.value.trim()) {
      this.note.setValue('');
      this.note.markAsTouched();
      return;
    }
    this.saving.set(true);
    this.problem.set(null);
    this.api.transition(this.data.commitment.id, this.data.to, this.note.value.trim()).subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => {
        this.saving.set(false);
        const status = error instanceof HttpErrorResponse ? error.status : -1;
        this.message.set(status === 422 || status === 409 ? serverMessage(error) : null);
        // No version is sent with a step, so a 409 is a refusal like a 422.
        this.problem.set(
          status === 422 ? 'refused' : status === 403 ? 'forbidden' : status === 0 ? 'offline' : status === 409 ? 'refused' : 'unexpected',
        );
      },
    });
  }
}

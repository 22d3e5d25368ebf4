import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import type { Person, User } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { fieldErrors } from '../shared/forms/record-form';
import { UsersApi } from './data-access/users.api';

/** What the dialog closes with: the user was deactivated, and who took over the open work (if anyone). */
export interface Deactivated {
  heir: Person | null;
}

/**
 * Deactivating a user: says what open work they still own and offers to hand it to someone who may
 * own all of it (the API picks the candidates and refuses anyone else); one request does both.
 */
@Component({
  selector: 'it-deactivate-dialog',
  imports: [FormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatProgressBarModule, MatSelectModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'users.deactivate.title' | transloco: { name: user.name } }}</h2>
    <mat-dialog-content>
      <p>{{ 'users.deactivate.message' | transloco: { name: user.name } }}</p>
      @if (work.isLoading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      } @else if (work.error()) {
        <p class="it-problem" role="alert">{{ 'dailyWork.reassign.loadFailed' | transloco }}</p>
      } @else if (owned() > 0) {
        <p data-testid="open-work">
          {{ 'dailyWork.reassign.owns' | transloco: { name: user.name, followUps: w()!.followUps, commitments: w()!.commitments } }}
        </p>
        <mat-form-field appearance="outline" class="it-heir">
          <mat-label>{{ 'dailyWork.reassign.to' | transloco }}</mat-label>
          <mat-select [(ngModel)]="heirId" name="heir" data-testid="reassign-to">
            <mat-option [value]="null">{{ 'dailyWork.reassign.keep' | transloco: { name: user.name } }}</mat-option>
            @for (p of w()!.candidates; track p.id) {
              <mat-option [value]="p.id"
                ><bdi>{{ p.name }}</bdi> · {{ 'roles.' + p.role | transloco }}</mat-option
              >
            }
          </mat-select>
          <mat-hint>{{ 'dailyWork.reassign.hint' | transloco }}</mat-hint>
        </mat-form-field>
      }
      @if (problem()) {
        <p class="it-problem" role="alert">{{ problem()! | transloco: { name: user.name } }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
      <button mat-flat-button type="button" class="it-danger" [disabled]="saving() || work.isLoading()" (click)="confirm()">
        {{ (heirId() ? 'dailyWork.reassign.confirm' : 'users.deactivate.confirm') | transloco }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .it-heir {
      inline-size: 100%;
      margin-block-start: 8px;
    }
    .it-problem {
      color: var(--mat-sys-error);
    }
    .it-danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeactivateDialog {
  private readonly api = inject(UsersApi);
  private readonly ref = inject<MatDialogRef<DeactivateDialog, Deactivated>>(MatDialogRef);
  protected readonly user = inject<User>(MAT_DIALOG_DATA);

  protected readonly work = rxResource({ stream: () => this.api.openWork(this.user.id) });
  protected readonly w = computed(() => (this.work.hasValue() ? this.work.value() : null));
  protected readonly owned = computed(() => (this.w()?.followUps ?? 0) + (this.w()?.commitments ?? 0));
  protected readonly heirId = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly problem = signal<string | null>(null);

  protected confirm(): void {
    if (this.saving()) return;
    this.saving.set(true);
    this.problem.set(null);
    const heirId = this.heirId();
    this.api.deactivate(this.user.id, { reassignToId: heirId }).subscribe({
      next: () => this.ref.close({ heir: this.w()?.candidates.find((p) => p.id === heirId) ?? null }),
      error: (error: unknown) => {
        this.saving.set(false);
        // A 400 on reassignToId: the chosen person may no longer own all of it (their scope changed meanwhile).
        const refused = fieldErrors(error).some((e) => e.field === 'reassignToId');
        const status = error instanceof HttpErrorResponse ? error.status : -1;
        this.problem.set(
          refused
            ? 'dailyWork.reassign.refused'
            : status === 409
              ? 'dailyWork.reassign.lastAdmin'
              : status === 0
                ? 'errors.offline'
                : 'errors.unexpected',
        );
      },
    });
  }
}

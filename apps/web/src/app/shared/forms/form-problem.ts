import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import { Problem } from './record-form';

/** What went wrong with a save, said above the form; on a 409 it offers to reload the other person's change. */
@Component({
  selector: 'it-form-problem',
  imports: [MatButtonModule, MatIconModule, TranslocoPipe],
  template: `
    @if (problem(); as p) {
      <div class="it-banner" [class.it-banner-warn]="p === 'conflict'" role="alert">
        <mat-icon aria-hidden="true">{{ p === 'conflict' ? 'sync_problem' : p === 'offline' ? 'cloud_off' : 'error' }}</mat-icon>
        <span class="it-banner-text">{{ message() || ('form.problem.' + p | transloco) }}</span>
        @if (p === 'conflict') {
          <button mat-button type="button" [disabled]="reloading()" (click)="reload.emit()">{{ 'common.reload' | transloco }}</button>
        }
      </div>
    }
  `,
  styles: `
    /* Takes no room (not even a gap in a flex form) until there is something to say. */
    :host {
      display: contents;
    }
    .it-banner {
      display: flex;
      align-items: center;
      gap: 8px;
      padding-block: 8px;
      padding-inline: 12px;
      margin-block-end: 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .it-banner-warn {
      background: #fdebc2;
      color: #4d3000;
    }
    .it-banner-text {
      flex: 1;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormProblem {
  readonly problem = input<Problem | null>(null);
  /** A message the server sent (e.g. a 422), shown instead of the generic one. */
  readonly message = input<string | null>(null);
  readonly reloading = input(false);
  readonly reload = output<void>();
}

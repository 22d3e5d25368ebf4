import { ChangeDetectionStrategy, Component, model } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * The eye button at the end of a password field: shows or hides what was typed, says which in its
 * name, and reports its state as pressed. Use it as the field's suffix: `<it-password-toggle matSuffix [(shown)]="…" />`.
 */
@Component({
  selector: 'it-password-toggle',
  imports: [MatButtonModule, MatIconModule, TranslocoPipe],
  template: `
    <button
      mat-icon-button
      type="button"
      [attr.aria-label]="(shown() ? 'signIn.hidePassword' : 'signIn.showPassword') | transloco"
      [attr.aria-pressed]="shown()"
      (click)="shown.set(!shown())"
    >
      <mat-icon aria-hidden="true">{{ shown() ? 'visibility_off' : 'visibility' }}</mat-icon>
    </button>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordToggle {
  readonly shown = model(false);
}

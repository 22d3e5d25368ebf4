import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';

/** One action on a row of a list: an icon button named for the record it acts on, with its verb as a tooltip. */
@Component({
  selector: 'it-row-action',
  imports: [MatButtonModule, MatIconModule, MatTooltipModule],
  template: `
    <button mat-icon-button type="button" [disabled]="disabled()" [matTooltip]="tooltip()" [attr.aria-label]="label()" (click)="act.emit()">
      <mat-icon aria-hidden="true">{{ icon() }}</mat-icon>
    </button>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RowAction {
  readonly icon = input.required<string>();
  /** What the button does to which record ("Edit Nansana"), for screen readers. */
  readonly label = input.required<string>();
  /** The verb alone ("Edit"), shown on hover and focus. */
  readonly tooltip = input('');
  readonly disabled = input(false);
  readonly act = output<void>();
}

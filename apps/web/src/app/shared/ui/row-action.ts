import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslocoPipe } from '@jsverse/transloco';

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

/**
 * "Edit" on a record: in a table row an icon button named for the record ("Edit Nansana"), with the verb
 * as a tooltip; on a card (`look="text"`) or a record page's heading (`look="outlined"`) a button that says "Edit".
 */
@Component({
  selector: 'it-edit-action',
  imports: [MatButtonModule, MatIconModule, RowAction, TranslocoPipe],
  template: `
    @if (look() === 'icon') {
      @let named = 'common.editNamed' | transloco: { name: name() };
      <it-row-action icon="edit" [tooltip]="'common.edit' | transloco" [label]="named" (act)="act.emit()" />
    } @else {
      <button [matButton]="appearance()" type="button" (click)="act.emit()">
        <mat-icon aria-hidden="true">edit</mat-icon>{{ 'common.edit' | transloco }}
      </button>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EditAction {
  /** The record's name (for the icon button's label). */
  readonly name = input('');
  readonly look = input<'icon' | 'text' | 'outlined'>('icon');
  readonly act = output<void>();
  protected readonly appearance = computed(() => (this.look() === 'outlined' ? 'outlined' : 'text'));
}

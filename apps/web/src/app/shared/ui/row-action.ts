import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { NgTemplateOutlet } from '@angular/common';
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
 * as a tooltip; on a card (`look="text"`) or a record page's heading (`look="stroked"`) a button that says "Edit".
 */
@Component({
  selector: 'it-edit-action',
  imports: [MatButtonModule, MatIconModule, NgTemplateOutlet, RowAction, TranslocoPipe],
  template: `
    @switch (look()) {
      @case ('icon') {
        <it-row-action
          icon="edit"
          [tooltip]="'common.edit' | transloco"
          [label]="'common.editNamed' | transloco: { name: name() }"
          (act)="act.emit()"
        />
      }
      @case ('text') {
        <button mat-button type="button" (click)="act.emit()"><ng-container *ngTemplateOutlet="words" /></button>
      }
      @case ('stroked') {
        <button mat-stroked-button type="button" (click)="act.emit()"><ng-container *ngTemplateOutlet="words" /></button>
      }
    }
    <ng-template #words><mat-icon aria-hidden="true">edit</mat-icon>{{ 'common.edit' | transloco }}</ng-template>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EditAction {
  /** The record's name (for the icon button's label). */
  readonly name = input('');
  readonly look = input<'icon' | 'text' | 'stroked'>('icon');
  readonly act = output<void>();
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * The action bar of a form dialog, inside its `<form>`: Cancel closes the dialog without a result;
 * the submit button says what it does and, while saving, that it is saving (it is disabled then only).
 */
@Component({
  selector: 'it-form-actions',
  imports: [MatButtonModule, MatDialogModule, TranslocoPipe],
  template: `
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="undefined">{{ 'common.cancel' | transloco }}</button>
      <button mat-flat-button type="submit" [disabled]="saving()">{{ (saving() ? 'common.saving' : submitLabel()) | transloco }}</button>
    </mat-dialog-actions>
  `,
  // The bar lays out as if it were the dialog's own child.
  styles: `
    :host {
      display: contents;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormActions {
  readonly saving = input(false);
  /** Translation key of the submit button's label. */
  readonly submitLabel = input('common.save');
}

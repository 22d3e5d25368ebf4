import { ChangeDetectionStrategy, Component, Signal, ViewEncapsulation, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatDialogModule } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';
import { DateField, SelectField, TextField } from './fields';
import { FormActions } from './form-actions';
import { FormProblem } from './form-problem';
import { Problem } from './record-form';
import { RefPicker } from './ref-picker';

/** What the frame shows of a record form (a `RecordDialogForm`). */
export interface DialogFormState {
  readonly editing: boolean;
  readonly saving: Signal<boolean>;
  readonly problem: Signal<Problem | null>;
  readonly problemMessage: Signal<string | null>;
  readonly reloading: Signal<boolean>;
  reload(): void;
}

/**
 * The frame of a record form dialog, on the form itself so its fields stay inside the form group:
 * `<form itRecordDialog [owner]="this" titles="cities.form" [formGroup]="form" (ngSubmit)="save()">…fields…</form>`.
 * It shows the title (`<titles>.editTitle` or `.createTitle`), what went wrong with a save, the fields, and Cancel / Save.
 */
@Component({
  // On the <form> itself, so the fields it projects stay inside the form's FormGroupDirective.
  // eslint-disable-next-line @angular-eslint/component-selector
  selector: 'form[itRecordDialog]',
  imports: [FormActions, FormProblem, MatDialogModule, TranslocoPipe],
  template: `
    @let o = owner();
    <h2 mat-dialog-title>{{ titles() + (o.editing ? '.editTitle' : '.createTitle') | transloco }}</h2>
    <mat-dialog-content>
      <it-form-problem [problem]="o.problem()" [message]="o.problemMessage()" [reloading]="o.reloading()" (reload)="o.reload()" />
      <ng-content />
    </mat-dialog-content>
    <it-form-actions [saving]="o.saving()" />
  `,
  styleUrl: './record-dialog.scss',
  encapsulation: ViewEncapsulation.None,
  host: { class: 'it-record-dialog' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordDialogFrame {
  readonly owner = input.required<DialogFormState>();
  /** Translation-key prefix of the dialog's two titles, e.g. `cities.form`. */
  readonly titles = input.required<string>();
}

/** What every record form dialog's template uses. */
export const RECORD_FORM_IMPORTS = [
  DateField,
  ReactiveFormsModule,
  RecordDialogFrame,
  RefPicker,
  SelectField,
  TextField,
  TranslocoPipe,
] as const;

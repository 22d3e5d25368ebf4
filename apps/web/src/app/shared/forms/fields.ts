import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { FieldErrorPipe } from './field-error.pipe';
import { LOCALE_DATE_PROVIDERS } from './locale-date-adapter';

// The fields of the record forms. Each is bound to a reactive control and shows its label, its hint
// and its first error in the user's language; a required control is marked required by Material
// itself (from the control's validators), so the form group is the one place a rule is written.
// Labels and hints are translation keys.

export const FIELD_STYLES = `
  :host {
    display: block;
  }
  mat-form-field {
    inline-size: 100%;
  }
`;

/** One line of text, a number, an address; or, with `rows`, a text area. */
@Component({
  selector: 'it-text-field',
  imports: [FieldErrorPipe, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslocoPipe],
  template: `
    <mat-form-field appearance="outline">
      <mat-label>{{ label() | transloco }}</mat-label>
      @if (rows()) {
        <textarea matInput [formControl]="control()" [rows]="rows()" [attr.dir]="textDir()" [attr.maxlength]="maxLength()"></textarea>
      } @else if (type() === 'number') {
        <!-- A static type, so the control holds a number. -->
        <input
          matInput
          type="number"
          [formControl]="control()"
          [attr.min]="bounds()?.min"
          [attr.max]="bounds()?.max"
          [attr.step]="step()"
        />
      } @else {
        <input
          matInput
          [formControl]="control()"
          [type]="type()"
          [attr.dir]="textDir()"
          [attr.maxlength]="maxLength()"
          autocomplete="off"
        />
      }
      @if (hint()) {
        <mat-hint>{{ hint() | transloco }}</mat-hint>
      }
      <mat-error>{{ control() | itFieldError }}</mat-error>
    </mat-form-field>
  `,
  styles: FIELD_STYLES,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TextField {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- text and number controls alike
  readonly control = input.required<FormControl<any>>();
  /** Translation key. */
  readonly label = input.required<string>();
  readonly type = input<'text' | 'number' | 'url'>('text');
  /** Lines of a text area; 0 is one line of input. */
  readonly rows = input(0);
  /** The text's direction: `auto` for what people write (any script), `ltr` for codes and addresses. */
  readonly textDir = input<'auto' | 'ltr' | null>(null);
  readonly hint = input('');
  /** Stops typing at the limit (the control's validator still says why). */
  readonly maxLength = input<number | null>(null);
  /** A number's limits (a `BOUNDS` entry). */
  readonly bounds = input<{ min: number; max: number } | null>(null);
  readonly step = input<number | 'any' | null>(null);
}

/** A choice among translated values (`options` with a `labelKey` prefix) or named records (`refs`). */
@Component({
  selector: 'it-select-field',
  imports: [FieldErrorPipe, MatFormFieldModule, MatSelectModule, ReactiveFormsModule, TranslocoPipe],
  template: `
    <mat-form-field appearance="outline">
      <mat-label>{{ label() | transloco }}</mat-label>
      <mat-select [formControl]="control()">
        @for (option of options(); track option) {
          <mat-option [value]="option">{{ labelKey() + option | transloco }}</mat-option>
        }
        @for (ref of refs(); track ref.id) {
          <mat-option [value]="ref.id">{{ ref.name }}</mat-option>
        }
      </mat-select>
      <mat-error>{{ control() | itFieldError }}</mat-error>
    </mat-form-field>
  `,
  styles: FIELD_STYLES,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SelectField {
  readonly control = input.required<FormControl<string>>();
  /** Translation key. */
  readonly label = input.required<string>();
  readonly options = input<readonly string[]>([]);
  /** Translation-key prefix of the options, e.g. `enums.cityKind.`. */
  readonly labelKey = input('');
  readonly refs = input<readonly { id: string; name: string }[]>([]);
}

/** A calendar day, typed in the user's order or picked from the calendar. */
@Component({
  selector: 'it-date-field',
  imports: [FieldErrorPipe, MatDatepickerModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslocoPipe],
  providers: [LOCALE_DATE_PROVIDERS],
  template: `
    <mat-form-field appearance="outline">
      <mat-label>{{ label() | transloco }}</mat-label>
      <input matInput [formControl]="control()" [matDatepicker]="picker" autocomplete="off" />
      <mat-datepicker-toggle matIconSuffix [for]="picker" [attr.aria-label]="'form.openCalendar' | transloco" />
      <mat-datepicker #picker />
      <mat-error>{{ control() | itFieldError }}</mat-error>
    </mat-form-field>
  `,
  styles: FIELD_STYLES,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DateField {
  readonly control = input.required<FormControl<Date | null>>();
  /** Translation key. */
  readonly label = input.required<string>();
}

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { CreateOutcomeRequest, OUTCOME_TYPES, OutcomeListItem, OutcomeType, Ref } from '@impact/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { TranslocoPipe } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { LookupsApi } from '../../shared/data/lookups.api';
import { fromIsoDate, toIsoDate } from '../../shared/forms/dates';
import { FieldErrorPipe } from '../../shared/forms/field-error.pipe';
import { FormProblem } from '../../shared/forms/form-problem';
import { LOCALE_DATE_PROVIDERS } from '../../shared/forms/locale-date-adapter';
import { RecordForm } from '../../shared/forms/record-form';
import { RefPicker } from '../../shared/forms/ref-picker';
import { urlValidator } from '../../shared/forms/validators';
import { OutcomesApi } from './outcomes.api';
import { FormActions } from '../../shared/forms/form-actions';

export interface OutcomeFormData {
  outcome?: OutcomeListItem;
  commitment?: Ref;
  city?: Ref;
}

/** Record a result with its evidence: "150 people trained". */
@Component({
  selector: 'it-outcome-form',
  imports: [
    FieldErrorPipe,
    FormProblem,
    FormActions,
    MatCheckboxModule,
    MatDatepickerModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    RefPicker,
    TranslocoPipe,
  ],
  providers: [LOCALE_DATE_PROVIDERS],
  template: `
    <h2 mat-dialog-title>{{ (editing ? 'outcomes.form.editTitle' : 'outcomes.form.createTitle') | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <it-form-problem [problem]="problem()" [message]="problemMessage()" [reloading]="reloading()" (reload)="reload()" />
        <div class="it-form-grid">
          <it-ref-picker [control]="form.controls.cityId" [label]="'fields.city' | transloco" [search]="searchCities" [required]="true" />
          <it-ref-picker [control]="form.controls.commitmentId" [label]="'fields.commitment' | transloco" [search]="searchCommitments" />
          <mat-form-field appearance="outline">
            <mat-label>{{ 'fields.date' | transloco }}</mat-label>
            <input matInput formControlName="date" [matDatepicker]="datePicker" autocomplete="off" required />
            <mat-datepicker-toggle matIconSuffix [for]="datePicker" [attr.aria-label]="'form.openCalendar' | transloco" />
            <mat-datepicker #datePicker />
            <mat-error>{{ form.controls.date | itFieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'fields.type' | transloco }}</mat-label>
            <mat-select formControlName="type" required>
              @for (t of types; track t) {
                <mat-option [value]="t">{{ 'enums.outcomeType.' + t | transloco }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form.controls.type | itFieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'fields.value' | transloco }}</mat-label>
            <input matInput type="number" min="0" formControlName="value" />
            <mat-error>{{ form.controls.value | itFieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'fields.unit' | transloco }}</mat-label>
            <input matInput formControlName="unit" dir="auto" autocomplete="off" />
            <mat-hint>{{ 'outcomes.form.unitHint' | transloco }}</mat-hint>
            <mat-error>{{ form.controls.unit | itFieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" class="it-span-2">
            <mat-label>{{ 'fields.description' | transloco }}</mat-label>
            <textarea matInput formControlName="description" dir="auto" rows="3" required></textarea>
            <mat-error>{{ form.controls.description | itFieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" class="it-span-2">
            <mat-label>{{ 'fields.evidenceUrl' | transloco }}</mat-label>
            <input matInput type="url" formControlName="evidenceUrl" dir="ltr" autocomplete="off" />
            <mat-error>{{ form.controls.evidenceUrl | itFieldError }}</mat-error>
          </mat-form-field>
          @if (mayVerify) {
            <mat-checkbox formControlName="verified" class="it-span-2 it-check">{{ 'outcomes.form.verified' | transloco }}</mat-checkbox>
          }
        </div>
      </mat-dialog-content>
      <it-form-actions [saving]="saving()" />
    </form>
  `,
  styleUrl: '../../shared/forms/form-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutcomeForm extends RecordForm<OutcomeListItem> {
  protected readonly data = inject<OutcomeFormData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<OutcomeForm, OutcomeListItem>>(MatDialogRef);
  private readonly api = inject(OutcomesApi);
  private readonly lookups = inject(LookupsApi);
  protected readonly types = OUTCOME_TYPES;
  protected readonly editing = !!this.data.outcome;

  protected readonly searchCities = (q: string) => this.lookups.cities(q);
  protected readonly searchCommitments = (q: string) => this.lookups.commitments(q);

  protected readonly form = inject(NonNullableFormBuilder).group({
    cityId: new FormControl<Ref | null>(this.data.city ?? null, Validators.required),
    commitmentId: new FormControl<Ref | null>(this.data.commitment ?? null),
    date: new FormControl<Date | null>(new Date(), Validators.required),
    type: ['' as OutcomeType | '', Validators.required],
    value: new FormControl<number | null>(null, Validators.min(0)),
    unit: ['', Validators.maxLength(100)],
    description: ['', [Validators.required, Validators.maxLength(5000)]],
    evidenceUrl: ['', [urlValidator, Validators.maxLength(2000)]],
    verified: [false],
  });
  /** Hub managers and admins vouch for an outcome's evidence. */
  protected readonly mayVerify = ['hub_manager', 'admin'].includes(inject(AuthService).role() ?? '');

  constructor() {
    super();
    if (this.data.outcome) {
      this.version = this.data.outcome.version;
      this.fill(this.data.outcome);
      this.afterFill();
    }
  }

  protected override afterFill(): void {
    this.markBaseline(this.body());
  }

  private body(): CreateOutcomeRequest {
    const v = this.form.getRawValue();
    const body: CreateOutcomeRequest = {
      cityId: (v.cityId as Ref | null)?.id ?? '',
      commitmentId: v.commitmentId?.id ?? null,
      date: toIsoDate(v.date) as string,
      type: v.type as OutcomeType,
      value: v.value === null || (v.value as unknown) === '' ? null : Number(v.value),
      unit: v.unit.trim() || null,
      description: v.description.trim(),
      evidenceUrl: v.evidenceUrl.trim() || null,
    };
    return this.mayVerify ? { ...body, verified: v.verified } : body;
  }

  protected override fill(o: OutcomeListItem): void {
    this.form.setValue({
      cityId: { id: o.cityId, name: o.cityName },
      commitmentId: o.commitmentId ? { id: o.commitmentId, name: o.commitmentTitle ?? o.commitmentId } : null,
      date: fromIsoDate(o.date),
      type: o.type,
      value: o.value,
      unit: o.unit ?? '',
      description: o.description,
      evidenceUrl: o.evidenceUrl ?? '',
      verified: o.verifiedById !== null,
    });
  }

  protected override fetch(): Observable<OutcomeListItem> | null {
    return this.data.outcome ? this.api.get(this.data.outcome.id) : null;
  }

  protected save(): void {
    this.submit(
      () => {
        const body = this.body();
        const o = this.data.outcome;
        return o ? this.api.update(o.id, { ...this.changes(body), version: this.version }) : this.api.create(body);
      },
      (saved) => this.dialogRef.close(saved),
    );
  }
}

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { BOUNDS, CreateOutcomeRequest, MAX_LENGTH, OUTCOME_TYPES, OutcomeListItem, OutcomeType, Ref } from '@impact/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { fromIsoDate, toIsoDate } from '../../shared/forms/dates';
import { RECORD_FORM_IMPORTS } from '../../shared/forms/record-dialog';
import { RecordDialogData, RecordDialogForm } from '../../shared/forms/record-form';
import { bounded, text, urlValidator } from '../../shared/forms/validators';
import { optionalNumber, refOf } from '../../shared/forms/values';
import { OutcomesApi } from './outcomes.api';

export interface OutcomeFormData extends RecordDialogData<OutcomeListItem> {
  commitment?: Ref;
  city?: Ref;
}

const LIMIT = MAX_LENGTH.outcome;

/** Record a result with its evidence: "150 people trained". */
@Component({
  selector: 'it-outcome-form',
  imports: [RECORD_FORM_IMPORTS, MatCheckboxModule],
  template: `
    <form itRecordDialog [owner]="this" titles="outcomes.form" [formGroup]="form" (ngSubmit)="save()" novalidate>
      <div class="it-form-grid">
        <it-ref-picker [control]="form.controls.cityId" label="fields.city" lookup="cities" required />
        <it-ref-picker [control]="form.controls.commitmentId" label="fields.commitment" lookup="commitments" />
        <it-date-field [control]="form.controls.date" label="fields.date" />
        <it-select-field [control]="form.controls.type" label="fields.type" [options]="types" labelKey="enums.outcomeType." />
        <it-text-field [control]="form.controls.value" label="fields.value" type="number" [bounds]="value" />
        <it-text-field [control]="form.controls.unit" label="fields.unit" textDir="auto" hint="outcomes.form.unitHint" />
        <it-text-field class="it-span-2" [control]="form.controls.description" label="fields.description" textDir="auto" [rows]="3" />
        <it-text-field class="it-span-2" [control]="form.controls.evidenceUrl" label="fields.evidenceUrl" type="url" textDir="ltr" />
        @if (mayVerify) {
          <mat-checkbox formControlName="verified" class="it-span-2 it-check">{{ 'outcomes.form.verified' | transloco }}</mat-checkbox>
        }
      </div>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutcomeForm extends RecordDialogForm<OutcomeListItem, CreateOutcomeRequest, OutcomeFormData> {
  protected readonly api = inject(OutcomesApi);
  protected readonly types = OUTCOME_TYPES;
  protected readonly value = BOUNDS.outcome.value;

  protected readonly form = inject(NonNullableFormBuilder).group({
    cityId: new FormControl<Ref | null>(this.data.city ?? null, Validators.required),
    commitmentId: new FormControl<Ref | null>(this.data.commitment ?? null),
    date: new FormControl<Date | null>(new Date(), Validators.required),
    type: ['' as OutcomeType | '', Validators.required],
    value: new FormControl<number | null>(null, bounded(this.value)),
    unit: ['', text(LIMIT.unit)],
    description: ['', text(LIMIT.description, { required: true })],
    evidenceUrl: ['', [urlValidator, ...text(LIMIT.evidenceUrl)]],
    verified: [false],
  });
  /** Hub managers and admins vouch for an outcome's evidence. */
  protected readonly mayVerify = ['hub_manager', 'admin'].includes(inject(AuthService).role() ?? '');

  protected body(): CreateOutcomeRequest {
    const v = this.form.getRawValue();
    const body: CreateOutcomeRequest = {
      cityId: (v.cityId as Ref | null)?.id ?? '',
      commitmentId: v.commitmentId?.id ?? null,
      date: toIsoDate(v.date) as string,
      type: v.type as OutcomeType,
      value: optionalNumber(v.value),
      unit: v.unit.trim() || null,
      description: v.description.trim(),
      evidenceUrl: v.evidenceUrl.trim() || null,
    };
    return this.mayVerify ? { ...body, verified: v.verified } : body;
  }

  protected override fill(o: OutcomeListItem): void {
    this.form.setValue({
      cityId: { id: o.cityId, name: o.cityName },
      commitmentId: refOf(o.commitmentId, o.commitmentTitle),
      date: fromIsoDate(o.date),
      type: o.type,
      value: o.value,
      unit: o.unit ?? '',
      description: o.description,
      evidenceUrl: o.evidenceUrl ?? '',
      verified: o.verifiedById !== null,
    });
  }
}

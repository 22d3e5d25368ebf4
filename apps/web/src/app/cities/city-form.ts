import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { CITY_KINDS, CityKind, CityListItem, CreateCityRequest, MEMBERSHIP_STATUSES, MembershipStatus } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { LookupsApi } from '../shared/data/lookups.api';
import { fromIsoDate, toIsoDate } from '../shared/forms/dates';
import { FieldErrorPipe } from '../shared/forms/field-error.pipe';
import { FormProblem } from '../shared/forms/form-problem';
import { LOCALE_DATE_PROVIDERS } from '../shared/forms/locale-date-adapter';
import { RecordForm } from '../shared/forms/record-form';
import { countryCodeValidator } from '../shared/forms/validators';
import { CitiesApi } from './data-access/cities.api';
import { FormActions } from '../shared/forms/form-actions';

export interface CityFormData {
  city?: CityListItem;
}

/** Add or edit a city of the network. */
@Component({
  selector: 'it-city-form',
  imports: [
    FieldErrorPipe,
    FormProblem,
    FormActions,
    MatDatepickerModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  providers: [LOCALE_DATE_PROVIDERS],
  template: `
    <h2 mat-dialog-title>{{ (editing ? 'cities.form.editTitle' : 'cities.form.createTitle') | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <it-form-problem [problem]="problem()" [message]="problemMessage()" [reloading]="reloading()" (reload)="reload()" />
        <div class="it-form-grid">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'fields.name' | transloco }}</mat-label>
            <input matInput formControlName="name" dir="auto" autocomplete="off" required />
            <mat-error>{{ form.controls.name | itFieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'cities.countryCode' | transloco }}</mat-label>
            <input matInput formControlName="countryCode" dir="ltr" autocomplete="off" maxlength="2" required />
            <mat-hint>{{ 'cities.form.countryHint' | transloco }}</mat-hint>
            <mat-error>{{ form.controls.countryCode | itFieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'fields.hub' | transloco }}</mat-label>
            <mat-select formControlName="hubId" required>
              @for (hub of hubs(); track hub.id) {
                <mat-option [value]="hub.id">{{ hub.name }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form.controls.hubId | itFieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'fields.kind' | transloco }}</mat-label>
            <mat-select formControlName="kind" required>
              @for (k of kinds; track k) {
                <mat-option [value]="k">{{ 'enums.cityKind.' + k | transloco }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form.controls.kind | itFieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'cities.membership' | transloco }}</mat-label>
            <mat-select formControlName="membershipStatus" required>
              @for (m of memberships; track m) {
                <mat-option [value]="m">{{ 'enums.membership.' + m | transloco }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form.controls.membershipStatus | itFieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'cities.memberSince' | transloco }}</mat-label>
            <input matInput formControlName="memberSince" [matDatepicker]="sincePicker" autocomplete="off" />
            <mat-datepicker-toggle matIconSuffix [for]="sincePicker" [attr.aria-label]="'form.openCalendar' | transloco" />
            <mat-datepicker #sincePicker />
            <mat-error>{{ form.controls.memberSince | itFieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" class="it-span-2">
            <mat-label>{{ 'cities.leadOfficial' | transloco }}</mat-label>
            <input matInput formControlName="leadOfficial" dir="auto" autocomplete="off" />
            <mat-error>{{ form.controls.leadOfficial | itFieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'cities.latitude' | transloco }}</mat-label>
            <input matInput type="number" step="any" formControlName="latitude" />
            <mat-error>{{ form.controls.latitude | itFieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'cities.longitude' | transloco }}</mat-label>
            <input matInput type="number" step="any" formControlName="longitude" />
            <mat-error>{{ form.controls.longitude | itFieldError }}</mat-error>
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <it-form-actions [saving]="saving()" />
    </form>
  `,
  styleUrl: '../shared/forms/form-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CityForm extends RecordForm<CityListItem> {
  protected readonly data = inject<CityFormData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<CityForm, CityListItem>>(MatDialogRef);
  private readonly api = inject(CitiesApi);
  private readonly lookups = inject(LookupsApi);
  protected readonly kinds = CITY_KINDS;
  protected readonly memberships = MEMBERSHIP_STATUSES;
  protected readonly editing = !!this.data.city;
  protected readonly hubs = toSignal(this.lookups.hubs(), { initialValue: [] });

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    countryCode: ['', [Validators.required, countryCodeValidator]],
    hubId: ['', Validators.required],
    kind: ['city' as CityKind, Validators.required],
    membershipStatus: ['member' as MembershipStatus, Validators.required],
    memberSince: new FormControl<Date | null>(null),
    leadOfficial: ['', Validators.maxLength(200)],
    latitude: new FormControl<number | null>(null, [Validators.min(-90), Validators.max(90)]),
    longitude: new FormControl<number | null>(null, [Validators.min(-180), Validators.max(180)]),
  });

  constructor() {
    super();
    if (this.data.city) {
      this.version = this.data.city.version;
      this.fill(this.data.city);
      this.afterFill();
    }
  }

  protected override afterFill(): void {
    this.markBaseline(this.body());
  }

  private body(): CreateCityRequest {
    const num = (v: number | null) => (v === null || (v as unknown) === '' ? null : Number(v));
    const v = this.form.getRawValue();
    return {
      name: v.name.trim(),
      countryCode: v.countryCode.trim().toUpperCase(),
      hubId: v.hubId,
      kind: v.kind,
      membershipStatus: v.membershipStatus,
      memberSince: toIsoDate(v.memberSince),
      leadOfficial: v.leadOfficial.trim() || null,
      latitude: num(v.latitude),
      longitude: num(v.longitude),
    };
  }

  protected override fill(c: CityListItem): void {
    this.form.setValue({
      name: c.name,
      countryCode: c.countryCode,
      hubId: c.hubId,
      kind: c.kind,
      membershipStatus: c.membershipStatus,
      memberSince: fromIsoDate(c.memberSince),
      leadOfficial: c.leadOfficial ?? '',
      latitude: c.latitude,
      longitude: c.longitude,
    });
  }

  protected override fetch(): Observable<CityListItem> | null {
    return this.data.city ? this.api.get(this.data.city.id) : null;
  }

  protected save(): void {
    this.submit(
      () => {
        const body = this.body();
        const c = this.data.city;
        return c ? this.api.update(c.id, { ...this.changes(body), version: this.version }) : this.api.create(body);
      },
      (saved) => this.dialogRef.close(saved),
    );
  }
}

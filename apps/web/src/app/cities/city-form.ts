import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, NonNullableFormBuilder, Validators } from '@angular/forms';
import {
  BOUNDS,
  CITY_KINDS,
  CityKind,
  CityListItem,
  CreateCityRequest,
  MAX_LENGTH,
  MEMBERSHIP_STATUSES,
  MembershipStatus,
} from '@impact/contracts';
import { fromIsoDate, toIsoDate } from '../shared/forms/dates';
import { RECORD_FORM_IMPORTS } from '../shared/forms/record-dialog';
import { RecordDialogData, RecordDialogForm } from '../shared/forms/record-form';
import { bounded, countryCodeValidator, text } from '../shared/forms/validators';
import { optionalNumber } from '../shared/forms/values';
import { CitiesApi } from './data-access/cities.api';
import { HubNames } from '../shared/ui/hub-name';
import { soleHub } from '../core/auth/auth.guards';
import { AuthService } from '../core/auth/auth.service';

export type CityFormData = RecordDialogData<CityListItem>;

const LIMIT = MAX_LENGTH.city;

/** Add or edit a city of the network. */
@Component({
  selector: 'it-city-form',
  imports: [RECORD_FORM_IMPORTS],
  template: `
    <form itRecordDialog [owner]="this" titles="cities.form" [formGroup]="form" (ngSubmit)="save()" novalidate>
      <div class="it-form-grid">
        <it-text-field [control]="form.controls.name" label="fields.name" textDir="auto" />
        <it-text-field
          [control]="form.controls.countryCode"
          label="cities.countryCode"
          textDir="ltr"
          [maxLength]="countryCodeLength"
          hint="cities.form.countryHint"
        />
        <it-select-field [control]="form.controls.hubId" label="fields.hub" [refs]="hubs()" />
        <it-select-field [control]="form.controls.kind" label="fields.kind" [options]="kinds" labelKey="enums.cityKind." />
        <it-select-field
          [control]="form.controls.membershipStatus"
          label="cities.membership"
          [options]="memberships"
          labelKey="enums.membership."
        />
        <it-date-field [control]="form.controls.memberSince" label="cities.memberSince" />
        <it-text-field class="it-span-2" [control]="form.controls.leadOfficial" label="cities.leadOfficial" textDir="auto" />
        <it-text-field [control]="form.controls.latitude" label="cities.latitude" type="number" step="any" />
        <it-text-field [control]="form.controls.longitude" label="cities.longitude" type="number" step="any" />
      </div>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CityForm extends RecordDialogForm<CityListItem, CreateCityRequest, CityFormData> {
  protected readonly api = inject(CitiesApi);
  protected readonly kinds = CITY_KINDS;
  protected readonly memberships = MEMBERSHIP_STATUSES;
  protected readonly hubs = inject(HubNames).applicable;
  protected readonly countryCodeLength = LIMIT.countryCode;

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', text(LIMIT.name, { required: true })],
    countryCode: ['', [Validators.required, countryCodeValidator]],
    hubId: [soleHub(inject(AuthService).user()) ?? '', Validators.required],
    kind: ['city' as CityKind, Validators.required],
    membershipStatus: ['member' as MembershipStatus, Validators.required],
    memberSince: new FormControl<Date | null>(null),
    leadOfficial: ['', text(LIMIT.leadOfficial)],
    latitude: new FormControl<number | null>(null, bounded(BOUNDS.city.latitude)),
    longitude: new FormControl<number | null>(null, bounded(BOUNDS.city.longitude)),
  });

  protected body(): CreateCityRequest {
    const v = this.form.getRawValue();
    return {
      name: v.name.trim(),
      countryCode: v.countryCode.trim().toUpperCase(),
      hubId: v.hubId,
      kind: v.kind,
      membershipStatus: v.membershipStatus,
      memberSince: toIsoDate(v.memberSince),
      leadOfficial: v.leadOfficial.trim() || null,
      latitude: optionalNumber(v.latitude),
      longitude: optionalNumber(v.longitude),
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
}

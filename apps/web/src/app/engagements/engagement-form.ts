import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, NonNullableFormBuilder, ValidationErrors, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import {
  BOUNDS,
  CreateEngagementRequest,
  ENGAGEMENT_TYPES,
  EngagementListItem,
  EngagementType,
  MAX_LENGTH,
  PARTICIPANT_GROUPS,
  Participants,
  Ref,
} from '@impact/contracts';
import { fromIsoDate, toIsoDate } from '../shared/forms/dates';
import { RECORD_FORM_IMPORTS } from '../shared/forms/record-dialog';
import { RecordDialogData, RecordDialogForm } from '../shared/forms/record-form';
import { bounded, text } from '../shared/forms/validators';
import { lines, refOf, refsOf } from '../shared/forms/values';
import { EngagementsApi } from './data-access/engagements.api';
import { HubNames } from '../shared/ui/hub-name';
import { soleHub } from '../core/auth/auth.guards';
import { AuthService } from '../core/auth/auth.service';

export interface EngagementFormData extends RecordDialogData<EngagementListItem> {
  /** A new engagement hosted by this city. */
  hostCity?: Ref;
}

const LIMIT = MAX_LENGTH.engagement;
const PEOPLE = BOUNDS.engagement.participants;

/** The end date, when given, is not before the start. */
function endAfterStart(group: AbstractControl): ValidationErrors | null {
  const start = group.get('startDate')?.value as Date | null;
  const end = group.get('endDate') as AbstractControl<Date | null>;
  const wrong = !!start && !!end.value && end.value < start;
  if (wrong && !end.hasError('dateOrder')) end.setErrors({ ...(end.errors ?? {}), dateOrder: true });
  if (!wrong && end.hasError('dateOrder')) {
    const { dateOrder: _gone, ...rest } = end.errors ?? {};
    void _gone;
    end.setErrors(Object.keys(rest).length ? rest : null);
  }
  return null;
}

/** No group counts more people than the total (groups overlap, so each alone is at most the total). */
function groupsWithinTotal(group: AbstractControl): ValidationErrors | null {
  const people = group.get('participants') as AbstractControl | null;
  const total = Number(people?.get('total')?.value) || 0;
  for (const name of PARTICIPANT_GROUPS) {
    const control = people?.get(name);
    if (!control) continue;
    const wrong = (Number(control.value) || 0) > total;
    if (wrong && !control.hasError('aboveTotal')) control.setErrors({ ...(control.errors ?? {}), aboveTotal: { total } });
    if (wrong && control.hasError('aboveTotal') && control.errors?.['aboveTotal'].total !== total) {
      control.setErrors({ ...(control.errors ?? {}), aboveTotal: { total } });
    }
    if (!wrong && control.hasError('aboveTotal')) {
      const { aboveTotal: _gone, ...rest } = control.errors ?? {};
      void _gone;
      control.setErrors(Object.keys(rest).length ? rest : null);
    }
  }
  return null;
}

/** Log or edit an engagement: a workshop, learning visit, dialogue, webinar … */
@Component({
  selector: 'it-engagement-form',
  imports: [RECORD_FORM_IMPORTS, MatCheckboxModule],
  templateUrl: './engagement-form.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EngagementForm extends RecordDialogForm<EngagementListItem, CreateEngagementRequest, EngagementFormData> {
  protected readonly api = inject(EngagementsApi);
  protected readonly types = ENGAGEMENT_TYPES;
  /** Everyone first, then each group. */
  protected readonly groups = ['total', ...PARTICIPANT_GROUPS] as const;
  protected readonly people = PEOPLE;
  protected readonly hubs = inject(HubNames).applicable;

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group(
    {
      title: ['', text(LIMIT.title, { required: true })],
      type: ['' as EngagementType | '', Validators.required],
      hubId: [soleHub(inject(AuthService).user()) ?? '', Validators.required],
      startDate: new FormControl<Date | null>(null, Validators.required),
      endDate: new FormControl<Date | null>(null),
      online: [false],
      locationCityId: new FormControl<Ref | null>(null),
      hostCityId: new FormControl<Ref | null>(this.data.hostCity ?? null),
      participatingCityIds: new FormControl<Ref[]>([], { nonNullable: true }),
      partnerIds: new FormControl<Ref[]>([], { nonNullable: true }),
      participants: this.fb.group({
        total: [0, bounded(PEOPLE)],
        mayors: [0, bounded(PEOPLE)],
        officials: [0, bounded(PEOPLE)],
        youth: [0, bounded(PEOPLE)],
        women: [0, bounded(PEOPLE)],
        communityLeaders: [0, bounded(PEOPLE)],
      }),
      summary: ['', text(LIMIT.summary)],
      evidenceLinks: [''],
    },
    { validators: [endAfterStart, groupsWithinTotal] },
  );

  constructor() {
    super();
    // The host city takes part: choosing it adds it to the participating cities (it can still be removed).
    // While a name is being typed the control holds the text, not a city: only a picked city joins.
    this.form.controls.hostCityId.valueChanges.pipe(takeUntilDestroyed()).subscribe((host: Ref | string | null) => {
      const cities = this.form.controls.participatingCityIds;
      if (host && typeof host === 'object' && host.id && !cities.value.some((c) => c.id === host.id)) {
        cities.setValue([...cities.value, { id: host.id, name: host.name }]);
      }
    });
    const host = this.form.controls.hostCityId.value;
    if (host) this.form.controls.participatingCityIds.setValue([host]);
  }

  protected body(): CreateEngagementRequest {
    const v = this.form.getRawValue();
    const participants = Object.fromEntries(Object.entries(v.participants).map(([k, n]) => [k, Number(n) || 0])) as unknown as Participants;
    return {
      title: v.title.trim(),
      type: v.type as EngagementType,
      hubId: v.hubId,
      startDate: toIsoDate(v.startDate) as string,
      endDate: toIsoDate(v.endDate),
      online: v.online,
      locationCityId: v.online ? null : (v.locationCityId?.id ?? null),
      hostCityId: v.hostCityId?.id ?? null,
      participatingCityIds: v.participatingCityIds.map((r) => r.id),
      partnerIds: v.partnerIds.map((r) => r.id),
      participants,
      summary: v.summary.trim(),
      evidenceLinks: lines(v.evidenceLinks),
    };
  }

  protected override fill(e: EngagementListItem): void {
    this.form.setValue({
      title: e.title,
      type: e.type,
      hubId: e.hubId,
      startDate: fromIsoDate(e.startDate),
      endDate: fromIsoDate(e.endDate),
      online: e.online,
      locationCityId: refOf(e.locationCityId, e.locationCityName),
      hostCityId: refOf(e.hostCityId, e.hostCityName),
      participatingCityIds: refsOf(e.participatingCities, e.participatingCityIds),
      partnerIds: refsOf(e.partners, e.partnerIds),
      participants: { ...e.participants },
      summary: e.summary ?? '',
      evidenceLinks: (e.evidenceLinks ?? []).join('\n'),
    });
  }
}

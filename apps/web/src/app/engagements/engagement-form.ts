import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { CreateEngagementRequest, ENGAGEMENT_TYPES, EngagementListItem, EngagementType, PARTICIPANT_GROUPS, Participants, Ref } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { LookupsApi } from '../shared/data/lookups.api';
import { fromIsoDate, toIsoDate } from '../shared/forms/dates';
import { FieldErrorPipe } from '../shared/forms/field-error.pipe';
import { FormProblem } from '../shared/forms/form-problem';
import { LOCALE_DATE_PROVIDERS } from '../shared/forms/locale-date-adapter';
import { RecordForm } from '../shared/forms/record-form';
import { RefPicker } from '../shared/forms/ref-picker';
import { EngagementsApi } from './data-access/engagements.api';
import { FormActions } from '../shared/forms/form-actions';

export interface EngagementFormData {
  engagement?: EngagementListItem;
  /** A new engagement hosted by this city. */
  hostCity?: Ref;
}

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

/** Log or edit an engagement: a workshop, learning visit, dialogue, webinar … */
@Component({
  selector: 'it-engagement-form',
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
  templateUrl: './engagement-form.html',
  styleUrl: '../shared/forms/form-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EngagementForm extends RecordForm<EngagementListItem> {
  protected readonly data = inject<EngagementFormData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<EngagementForm, EngagementListItem>>(MatDialogRef);
  private readonly api = inject(EngagementsApi);
  private readonly lookups = inject(LookupsApi);
  protected readonly types = ENGAGEMENT_TYPES;
  protected readonly groups = PARTICIPANT_GROUPS;
  protected readonly editing = !!this.data.engagement;
  protected readonly hubs = toSignal(this.lookups.hubs(), { initialValue: [] });

  protected readonly searchCities = (q: string) => this.lookups.cities(q);
  protected readonly searchPartners = (q: string) => this.lookups.partners(q);

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group(
    {
      title: ['', [Validators.required, Validators.maxLength(300)]],
      type: ['' as EngagementType | '', Validators.required],
      hubId: ['', Validators.required],
      startDate: new FormControl<Date | null>(null, Validators.required),
      endDate: new FormControl<Date | null>(null),
      online: [false],
      locationCityId: new FormControl<Ref | null>(null),
      hostCityId: new FormControl<Ref | null>(this.data.hostCity ?? null),
      participatingCityIds: new FormControl<Ref[]>([], { nonNullable: true }),
      partnerIds: new FormControl<Ref[]>([], { nonNullable: true }),
      participants: this.fb.group({
        total: [0, [Validators.min(0)]],
        mayors: [0, [Validators.min(0)]],
        officials: [0, [Validators.min(0)]],
        youth: [0, [Validators.min(0)]],
        women: [0, [Validators.min(0)]],
        communityLeaders: [0, [Validators.min(0)]],
      }),
      summary: ['', Validators.maxLength(10000)],
      evidenceLinks: [''],
    },
    { validators: endAfterStart },
  );

  constructor() {
    super();
    if (this.data.engagement) {
      this.version = this.data.engagement.version;
      this.fill(this.data.engagement);
      this.afterFill();
    }
  }

  protected override afterFill(): void {
    this.markBaseline(this.body());
  }

  private body(): CreateEngagementRequest {
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
      evidenceLinks: v.evidenceLinks
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    };
  }

  protected override fill(e: EngagementListItem): void {
    const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? id } : null);
    this.form.setValue({
      title: e.title,
      type: e.type,
      hubId: e.hubId,
      startDate: fromIsoDate(e.startDate),
      endDate: fromIsoDate(e.endDate),
      online: e.online,
      locationCityId: ref(e.locationCityId, e.locationCityName),
      hostCityId: ref(e.hostCityId, e.hostCityName),
      participatingCityIds: e.participatingCities ?? e.participatingCityIds.map((id) => ({ id, name: id })),
      partnerIds: e.partners ?? e.partnerIds.map((id) => ({ id, name: id })),
      participants: { ...e.participants },
      summary: e.summary ?? '',
      evidenceLinks: (e.evidenceLinks ?? []).join('\n'),
    });
  }

  protected override fetch(): Observable<EngagementListItem> | null {
    return this.data.engagement ? this.api.get(this.data.engagement.id) : null;
  }

  protected save(): void {
    this.submit(
      () => {
        const body = this.body();
        const e = this.data.engagement;
        return e ? this.api.update(e.id, { ...this.changes(body), version: this.version }) : this.api.create(body);
      },
      (saved) => this.dialogRef.close(saved),
    );
  }
}

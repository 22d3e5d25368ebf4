import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { COMMITMENT_KINDS, CommitmentKind, CommitmentListItem, CreateCommitmentRequest, LIAISON_COMMITMENT_FIELDS, Ref } from '@impact/contracts';
import { AuthService } from '../core/auth/auth.service';
import { TranslocoPipe } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { LookupsApi } from '../shared/data/lookups.api';
import { fromIsoDate, toIsoDate } from '../shared/forms/dates';
import { FieldErrorPipe } from '../shared/forms/field-error.pipe';
import { FormProblem } from '../shared/forms/form-problem';
import { LOCALE_DATE_PROVIDERS } from '../shared/forms/locale-date-adapter';
import { RecordForm } from '../shared/forms/record-form';
import { RefPicker } from '../shared/forms/ref-picker';
import { CommitmentsApi } from './data-access/commitments.api';
import { FormActions } from '../shared/forms/form-actions';

export interface CommitmentFormData {
  /** Absent: a new commitment. */
  commitment?: CommitmentListItem;
  /** Starting values for a new one (from a city or engagement page). */
  city?: Ref;
  inspiredBy?: Ref;
}

/** Create or edit a commitment. Status moves through the workflow on the commitment page, not here. */
@Component({
  selector: 'it-commitment-form',
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
    RefPicker,
    TranslocoPipe,
  ],
  providers: [LOCALE_DATE_PROVIDERS],
  templateUrl: './commitment-form.html',
  styleUrl: '../shared/forms/form-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommitmentForm extends RecordForm<CommitmentListItem> {
  protected readonly data = inject<CommitmentFormData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<CommitmentForm, CommitmentListItem>>(MatDialogRef);
  private readonly api = inject(CommitmentsApi);
  private readonly lookups = inject(LookupsApi);
  protected readonly kinds = COMMITMENT_KINDS;
  protected readonly editing = !!this.data.commitment;

  protected readonly searchCities = (q: string) => this.lookups.cities(q);
  protected readonly searchPeople = (q: string) => this.lookups.people(q);
  protected readonly searchPartners = (q: string) => this.lookups.partners(q);
  protected readonly searchEngagements = (q: string) => this.lookups.engagements(q);

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(300)]],
    kind: ['' as CommitmentKind | '', Validators.required],
    cityId: new FormControl<Ref | null>(this.data.city ?? null, Validators.required),
    ownerId: new FormControl<Ref | null>(null),
    targetDate: new FormControl<Date | null>(null),
    progress: [0, [Validators.required, Validators.min(0), Validators.max(100)]],
    inspiredByEngagementIds: new FormControl<Ref[]>(this.data.inspiredBy ? [this.data.inspiredBy] : [], { nonNullable: true }),
    partnerIds: new FormControl<Ref[]>([], { nonNullable: true }),
    description: ['', Validators.maxLength(5000)],
  });

  constructor() {
    super();
    if (this.data.commitment) {
      this.version = this.data.commitment.version;
      this.fill(this.data.commitment);
      this.afterFill();
      // A city liaison may change progress and owner; the rest belongs to the hub.
      if (inject(AuthService).role() === 'city_liaison') {
        const open = new Set<string>(LIAISON_COMMITMENT_FIELDS);
        for (const [name, control] of Object.entries(this.form.controls)) if (!open.has(name)) control.disable();
      }
    }
  }

  protected override afterFill(): void {
    this.markBaseline(this.body());
  }

  private body(): CreateCommitmentRequest {
    const v = this.form.getRawValue();
    return {
      title: v.title.trim(),
      kind: v.kind as CommitmentKind,
      cityId: (v.cityId as Ref | null)?.id ?? '',
      ownerId: v.ownerId?.id ?? null,
      targetDate: toIsoDate(v.targetDate),
      progress: Number(v.progress),
      inspiredByEngagementIds: v.inspiredByEngagementIds.map((r) => r.id),
      partnerIds: v.partnerIds.map((r) => r.id),
      description: v.description.trim(),
    };
  }

  protected override fill(c: CommitmentListItem): void {
    this.form.setValue({
      title: c.title,
      kind: c.kind,
      cityId: { id: c.cityId, name: c.cityName },
      ownerId: c.ownerId ? { id: c.ownerId, name: c.ownerName ?? c.ownerId } : null,
      targetDate: fromIsoDate(c.targetDate),
      progress: c.progress,
      inspiredByEngagementIds: c.inspiredBy ?? c.inspiredByEngagementIds.map((id) => ({ id, name: id })),
      partnerIds: c.partners ?? c.partnerIds.map((id) => ({ id, name: id })),
      description: c.description ?? '',
    });
  }

  protected override fetch(): Observable<CommitmentListItem> | null {
    return this.data.commitment ? this.api.get(this.data.commitment.id) : null;
  }

  protected save(): void {
    this.submit(
      () => {
        const body = this.body();
        const c = this.data.commitment;
        return c ? this.api.update(c.id, { ...this.changes(body), version: this.version }) : this.api.create(body);
      },
      (saved) => this.dialogRef.close(saved),
    );
  }
}

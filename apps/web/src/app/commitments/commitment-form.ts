import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, NonNullableFormBuilder, Validators } from '@angular/forms';
import {
  BOUNDS,
  COMMITMENT_KINDS,
  CommitmentKind,
  CommitmentListItem,
  CreateCommitmentRequest,
  LIAISON_COMMITMENT_FIELDS,
  MAX_LENGTH,
  Ref,
} from '@impact/contracts';
import { AuthService } from '../core/auth/auth.service';
import { fromIsoDate, toIsoDate } from '../shared/forms/dates';
import { RECORD_FORM_IMPORTS } from '../shared/forms/record-dialog';
import { RecordDialogData, RecordDialogForm } from '../shared/forms/record-form';
import { bounded, text } from '../shared/forms/validators';
import { refOf, refsOf } from '../shared/forms/values';
import { CommitmentsApi } from './data-access/commitments.api';

export interface CommitmentFormData extends RecordDialogData<CommitmentListItem> {
  /** Starting values for a new one (from a city or engagement page). */
  city?: Ref;
  inspiredBy?: Ref;
}

const LIMIT = MAX_LENGTH.commitment;

/** Create or edit a commitment. Status moves through the workflow on the commitment page, not here. */
@Component({
  selector: 'it-commitment-form',
  imports: [RECORD_FORM_IMPORTS],
  templateUrl: './commitment-form.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommitmentForm extends RecordDialogForm<CommitmentListItem, CreateCommitmentRequest, CommitmentFormData> {
  protected readonly api = inject(CommitmentsApi);
  protected readonly kinds = COMMITMENT_KINDS;
  protected readonly progress = BOUNDS.commitment.progress;

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    title: ['', text(LIMIT.title, { required: true })],
    kind: ['' as CommitmentKind | '', Validators.required],
    cityId: new FormControl<Ref | null>(this.data.city ?? null, Validators.required),
    ownerId: new FormControl<Ref | null>(null),
    targetDate: new FormControl<Date | null>(null),
    progress: [0, [Validators.required, ...bounded(this.progress)]],
    inspiredByEngagementIds: new FormControl<Ref[]>(this.data.inspiredBy ? [this.data.inspiredBy] : [], { nonNullable: true }),
    partnerIds: new FormControl<Ref[]>([], { nonNullable: true }),
    description: ['', text(LIMIT.description)],
  });

  constructor() {
    super();
    // A city liaison may change progress and owner; the rest belongs to the hub.
    if (this.record && inject(AuthService).role() === 'city_liaison') {
      const open = new Set<string>(LIAISON_COMMITMENT_FIELDS);
      for (const [name, control] of Object.entries(this.form.controls)) if (!open.has(name)) control.disable();
    }
  }

  protected body(): CreateCommitmentRequest {
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
      ownerId: refOf(c.ownerId, c.ownerName),
      targetDate: fromIsoDate(c.targetDate),
      progress: c.progress,
      inspiredByEngagementIds: refsOf(c.inspiredBy, c.inspiredByEngagementIds),
      partnerIds: refsOf(c.partners, c.partnerIds),
      description: c.description ?? '',
    });
  }
}

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, NonNullableFormBuilder, Validators } from '@angular/forms';
import {
  CreateFollowUpRequest,
  FOLLOW_UP_KINDS,
  FOLLOW_UP_STATUSES,
  FollowUpKind,
  FollowUpListItem,
  FollowUpStatus,
  MAX_LENGTH,
  Ref,
} from '@impact/contracts';
import { fromIsoDate, toIsoDate } from '../shared/forms/dates';
import { RECORD_FORM_IMPORTS } from '../shared/forms/record-dialog';
import { RecordDialogData, RecordDialogForm } from '../shared/forms/record-form';
import { text } from '../shared/forms/validators';
import { refOf } from '../shared/forms/values';
import { FollowUpsApi } from './data-access/follow-ups.api';

export interface FollowUpFormData extends RecordDialogData<FollowUpListItem> {
  /** A new follow-up on this commitment or engagement. */
  commitment?: Ref;
  engagement?: Ref;
}

const LIMIT = MAX_LENGTH.followUp;

/** Create or edit a follow-up owed on a commitment or an engagement. */
@Component({
  selector: 'it-follow-up-form',
  imports: [RECORD_FORM_IMPORTS],
  template: `
    <form itRecordDialog [owner]="this" titles="followUps.form" [formGroup]="form" (ngSubmit)="save()" novalidate>
      <div class="it-form-grid">
        <it-text-field class="it-span-2" [control]="form.controls.title" label="fields.title" textDir="auto" />
        <it-ref-picker [control]="form.controls.commitmentId" label="fields.commitment" lookup="commitments" />
        <it-ref-picker [control]="form.controls.engagementId" label="fields.engagement" lookup="engagements" />
        <it-select-field [control]="form.controls.kind" label="fields.kind" [options]="kinds" labelKey="enums.followUpKind." />
        <it-ref-picker [control]="form.controls.ownerId" label="fields.owner" lookup="people" />
        <it-date-field [control]="form.controls.dueDate" label="fields.dueDate" />
        <it-select-field [control]="form.controls.status" label="fields.status" [options]="statuses" labelKey="status.followUp." />
        <it-text-field class="it-span-2" [control]="form.controls.note" label="fields.note" textDir="auto" [rows]="3" />
      </div>
      @if (form.hasError('parent') && form.touched) {
        <p class="it-form-error" role="alert">{{ 'followUps.form.parentRequired' | transloco }}</p>
      }
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowUpForm extends RecordDialogForm<FollowUpListItem, CreateFollowUpRequest, FollowUpFormData> {
  protected readonly api = inject(FollowUpsApi);
  protected readonly kinds = FOLLOW_UP_KINDS;
  protected readonly statuses = FOLLOW_UP_STATUSES;

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      title: ['', text(LIMIT.title, { required: true })],
      commitmentId: new FormControl<Ref | null>(this.data.commitment ?? null),
      engagementId: new FormControl<Ref | null>(this.data.engagement ?? null),
      kind: ['' as FollowUpKind | '', Validators.required],
      ownerId: new FormControl<Ref | null>(null),
      dueDate: new FormControl<Date | null>(null),
      status: ['open' as FollowUpStatus],
      note: ['', text(LIMIT.note)],
    },
    // A follow-up is owed on a commitment or an engagement.
    { validators: (g) => (g.value.commitmentId || g.value.engagementId ? null : { parent: true }) },
  );

  protected body(): CreateFollowUpRequest {
    const v = this.form.getRawValue();
    return {
      title: v.title.trim(),
      commitmentId: v.commitmentId?.id ?? null,
      engagementId: v.engagementId?.id ?? null,
      kind: v.kind as FollowUpKind,
      ownerId: v.ownerId?.id ?? null,
      dueDate: toIsoDate(v.dueDate),
      status: v.status,
      note: v.note.trim() || null,
    };
  }

  protected override fill(f: FollowUpListItem): void {
    this.form.setValue({
      title: f.title,
      commitmentId: refOf(f.commitmentId, f.commitmentTitle),
      engagementId: refOf(f.engagementId, f.engagementTitle),
      kind: f.kind,
      ownerId: refOf(f.ownerId, f.ownerName),
      dueDate: fromIsoDate(f.dueDate),
      status: f.status,
      note: f.note ?? '',
    });
  }
}

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { CreateFollowUpRequest, FOLLOW_UP_KINDS, FOLLOW_UP_STATUSES, FollowUpKind, FollowUpListItem, FollowUpStatus, Ref } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { LookupsApi } from '../shared/data/lookups.api';
import { fromIsoDate, toIsoDate } from '../shared/forms/dates';
import { FieldErrorPipe } from '../shared/forms/field-error.pipe';
import { FormProblem } from '../shared/forms/form-problem';
import { LOCALE_DATE_PROVIDERS } from '../shared/forms/locale-date-adapter';
import { RecordForm } from '../shared/forms/record-form';
import { RefPicker } from '../shared/forms/ref-picker';
import { FollowUpsApi } from './data-access/follow-ups.api';
import { FormActions } from '../shared/forms/form-actions';

export interface FollowUpFormData {
  followUp?: FollowUpListItem;
  /** A new follow-up on this commitment or engagement. */
  commitment?: Ref;
  engagement?: Ref;
}

/** Create or edit a follow-up owed on a commitment or an engagement. */
@Component({
  selector: 'it-follow-up-form',
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
  template: `
    <h2 mat-dialog-title>{{ (editing ? 'followUps.form.editTitle' : 'followUps.form.createTitle') | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <it-form-problem [problem]="problem()" [message]="problemMessage()" [reloading]="reloading()" (reload)="reload()" />
        <div class="it-form-grid">
          <mat-form-field appearance="outline" class="it-span-2">
            <mat-label>{{ 'fields.title' | transloco }}</mat-label>
            <input matInput formControlName="title" dir="auto" autocomplete="off" required />
            <mat-error>{{ form.controls.title | itFieldError }}</mat-error>
          </mat-form-field>
          <it-ref-picker [control]="form.controls.commitmentId" [label]="'fields.commitment' | transloco" [search]="searchCommitments" />
          <it-ref-picker [control]="form.controls.engagementId" [label]="'fields.engagement' | transloco" [search]="searchEngagements" />
          <mat-form-field appearance="outline">
            <mat-label>{{ 'fields.kind' | transloco }}</mat-label>
            <mat-select formControlName="kind" required>
              @for (k of kinds; track k) {
                <mat-option [value]="k">{{ 'enums.followUpKind.' + k | transloco }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form.controls.kind | itFieldError }}</mat-error>
          </mat-form-field>
          <it-ref-picker [control]="form.controls.ownerId" [label]="'fields.owner' | transloco" [search]="searchPeople" />
          <mat-form-field appearance="outline">
            <mat-label>{{ 'fields.dueDate' | transloco }}</mat-label>
            <input matInput formControlName="dueDate" [matDatepicker]="duePicker" autocomplete="off" />
            <mat-datepicker-toggle matIconSuffix [for]="duePicker" [attr.aria-label]="'form.openCalendar' | transloco" />
            <mat-datepicker #duePicker />
            <mat-error>{{ form.controls.dueDate | itFieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'fields.status' | transloco }}</mat-label>
            <mat-select formControlName="status">
              @for (s of statuses; track s) {
                <mat-option [value]="s">{{ 'status.followUp.' + s | transloco }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline" class="it-span-2">
            <mat-label>{{ 'fields.note' | transloco }}</mat-label>
            <textarea matInput formControlName="note" dir="auto" rows="3"></textarea>
            <mat-error>{{ form.controls.note | itFieldError }}</mat-error>
          </mat-form-field>
        </div>
        @if (form.hasError('parent') && form.touched) {
          <p class="it-form-error" role="alert">{{ 'followUps.form.parentRequired' | transloco }}</p>
        }
      </mat-dialog-content>
      <it-form-actions [saving]="saving()" />
    </form>
  `,
  styleUrl: '../shared/forms/form-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowUpForm extends RecordForm<FollowUpListItem> {
  protected readonly data = inject<FollowUpFormData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<FollowUpForm, FollowUpListItem>>(MatDialogRef);
  private readonly api = inject(FollowUpsApi);
  private readonly lookups = inject(LookupsApi);
  protected readonly kinds = FOLLOW_UP_KINDS;
  protected readonly statuses = FOLLOW_UP_STATUSES;
  protected readonly editing = !!this.data.followUp;

  protected readonly searchPeople = (q: string) => this.lookups.people(q);
  protected readonly searchCommitments = (q: string) => this.lookups.commitments(q);
  protected readonly searchEngagements = (q: string) => this.lookups.engagements(q);

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      title: ['', [Validators.required, Validators.maxLength(300)]],
      commitmentId: new FormControl<Ref | null>(this.data.commitment ?? null),
      engagementId: new FormControl<Ref | null>(this.data.engagement ?? null),
      kind: ['' as FollowUpKind | '', Validators.required],
      ownerId: new FormControl<Ref | null>(null),
      dueDate: new FormControl<Date | null>(null),
      status: ['open' as FollowUpStatus],
      note: ['', Validators.maxLength(5000)],
    },
    // A follow-up is owed on a commitment or an engagement.
    { validators: (g) => (g.value.commitmentId || g.value.engagementId ? null : { parent: true }) },
  );

  constructor() {
    super();
    if (this.data.followUp) {
      this.version = this.data.followUp.version;
      this.fill(this.data.followUp);
      this.afterFill();
    }
  }

  protected override afterFill(): void {
    this.markBaseline(this.body());
  }

  private body(): CreateFollowUpRequest {
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
      commitmentId: f.commitmentId ? { id: f.commitmentId, name: f.commitmentTitle ?? f.commitmentId } : null,
      engagementId: f.engagementId ? { id: f.engagementId, name: f.engagementTitle ?? f.engagementId } : null,
      kind: f.kind,
      ownerId: f.ownerId ? { id: f.ownerId, name: f.ownerName ?? f.ownerId } : null,
      dueDate: fromIsoDate(f.dueDate),
      status: f.status,
      note: f.note ?? '',
    });
  }

  protected override fetch(): Observable<FollowUpListItem> | null {
    return this.data.followUp ? this.api.get(this.data.followUp.id) : null;
  }

  protected save(): void {
    this.submit(
      () => {
        const body = this.body();
        const f = this.data.followUp;
        return f ? this.api.update(f.id, { ...this.changes(body), version: this.version }) : this.api.create(body);
      },
      (saved) => this.dialogRef.close(saved),
    );
  }
}

import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, Signal, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  ApiError,
  City,
  FieldError,
  Hub,
  LANGUAGES,
  Language,
  PASSWORD_MIN_LENGTH,
  ROLES,
  Role,
  User,
} from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { Observable, startWith } from 'rxjs';
import { UsersApi } from './data-access/users.api';
import { FormActions } from '../shared/forms/form-actions';

export interface UserDialogData {
  /** Absent: create a user. */
  user?: User;
  hubs: Signal<Hub[]>;
  cities: Signal<City[]>;
}

type Problem = 'conflict' | 'offline' | 'forbidden' | 'invalid' | 'unexpected';

@Component({
  selector: 'it-user-dialog',
  imports: [
    ReactiveFormsModule,
    FormActions,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
  ],
  templateUrl: './user-dialog.html',
  styleUrl: './user-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserDialog {
  protected readonly data = inject<UserDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<UserDialog, User>>(MatDialogRef);
  private readonly api = inject(UsersApi);

  protected readonly editing = this.data.user !== undefined;
  protected readonly roles = ROLES;
  protected readonly languages = LANGUAGES;
  protected readonly passwordMin = PASSWORD_MIN_LENGTH;
  private version = this.data.user?.version ?? 0;

  protected readonly form = inject(NonNullableFormBuilder).group({
      email: [this.data.user?.email ?? '', this.editing ? [] : [Validators.required, Validators.email]],
      name: [this.data.user?.name ?? '', [Validators.required, Validators.maxLength(200)]],
      password: ['', this.editing ? [] : [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
      role: [this.data.user?.role ?? ('city_liaison' as Role), Validators.required],
      hubIds: [this.data.user?.hubIds ?? ([] as string[])],
      cityIds: [this.data.user?.cityIds ?? ([] as string[])],
      language: [this.data.user?.language ?? ('en' as Language)],
  });

  protected readonly role = toSignal(this.form.controls.role.valueChanges.pipe(startWith(this.form.controls.role.value)), {
    requireSync: true,
  });
  protected readonly saving = signal(false);

  constructor() {
    // Hub managers are scoped by hub and liaisons by city: that list is then required.
    this.form.controls.role.valueChanges.pipe(startWith(this.form.controls.role.value), takeUntilDestroyed()).subscribe((role) => {
      const { hubIds, cityIds } = this.form.controls;
      hubIds.setValidators(role === 'hub_manager' ? Validators.required : null);
      cityIds.setValidators(role === 'city_liaison' ? Validators.required : null);
      hubIds.updateValueAndValidity({ emitEvent: false });
      cityIds.updateValueAndValidity({ emitEvent: false });
    });
  }
  protected readonly problem = signal<Problem | null>(null);
  protected readonly reloading = signal(false);

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const scoped = {
      hubIds: value.role === 'hub_manager' ? value.hubIds : [],
      cityIds: value.role === 'city_liaison' ? value.cityIds : [],
    };
    const user = this.data.user;
    const request: Observable<User> = user
      ? this.api.update(user.id, {
          version: this.version,
          name: value.name.trim(),
          role: value.role,
          language: value.language,
          ...scoped,
        })
      : this.api.create({
          email: value.email.trim(),
          name: value.name.trim(),
          password: value.password,
          role: value.role,
          language: value.language,
          ...scoped,
        });

    this.saving.set(true);
    this.problem.set(null);
    request.subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => {
        this.saving.set(false);
        this.problem.set(this.describe(error));
      },
    });
  }

  /** After a 409: show the other person's version; what was typed here is replaced only on request. */
  protected reload(): void {
    const user = this.data.user;
    if (!user) return;
    this.reloading.set(true);
    this.api.get(user.id).subscribe({
      next: (current) => {
        this.reloading.set(false);
        this.version = current.version;
        this.form.patchValue({
          name: current.name,
          role: current.role,
          hubIds: current.hubIds,
          cityIds: current.cityIds,
          language: current.language,
        });
        this.problem.set(null);
      },
      error: () => {
        this.reloading.set(false);
        this.problem.set('unexpected');
      },
    });
  }

  private describe(error: unknown): Problem {
    if (!(error instanceof HttpErrorResponse)) return 'unexpected';
    switch (error.status) {
      case 0:
        return 'offline';
      case 403:
        return 'forbidden';
      case 409:
        if (this.editing) return 'conflict';
        this.form.controls.email.setErrors({ taken: true });
        this.form.controls.email.markAsTouched();
        return 'invalid';
      case 400:
        this.markFieldErrors((error.error as ApiError | null)?.details);
        return 'invalid';
      default:
        return 'unexpected';
    }
  }

  private markFieldErrors(details: unknown): void {
    if (!Array.isArray(details)) return;
    for (const detail of details as FieldError[]) {
      const control = this.form.get(detail.field);
      if (control) {
        control.setErrors({ server: true });
        control.markAsTouched();
      }
    }
  }
}

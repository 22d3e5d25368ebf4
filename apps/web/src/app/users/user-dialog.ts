import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, Signal, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatChipsModule } from '@angular/material/chips';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { City, Hub, LANGUAGES, Language, MAX_LENGTH, MIN_LENGTH, ROLES, Role, User } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { Observable, startWith } from 'rxjs';
import { FormActions } from '../shared/forms/form-actions';
import { FormProblem } from '../shared/forms/form-problem';
import { Problem, RecordForm } from '../shared/forms/record-form';
import { text } from '../shared/forms/validators';
import { UsersApi } from './data-access/users.api';

/** How many matching cities the scope picker offers at once. */
const CITY_OPTIONS = 30;

/** Lower case without accents, so "sao" finds "São Paulo". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

export interface UserDialogData {
  /** Absent: create a user. */
  user?: User;
  hubs: Signal<Hub[]>;
  cities: Signal<City[]>;
}

/** Add a user, or change one's name, role, scope and language (the e-mail address stays). */
@Component({
  selector: 'it-user-dialog',
  imports: [
    FormActions,
    FormProblem,
    MatAutocompleteModule,
    MatCheckboxModule,
    MatChipsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  templateUrl: './user-dialog.html',
  styleUrl: './user-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserDialog extends RecordForm<User> {
  protected readonly data = inject<UserDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<UserDialog, User>>(MatDialogRef);
  private readonly api = inject(UsersApi);

  protected readonly editing = this.data.user !== undefined;
  protected readonly roles = ROLES;
  protected readonly languages = LANGUAGES;
  protected readonly passwordMin = MIN_LENGTH.user.password;
  protected readonly passwordMax = MAX_LENGTH.user.password;

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: [this.data.user?.email ?? '', this.editing ? [] : [Validators.required, Validators.email]],
    name: [this.data.user?.name ?? '', text(MAX_LENGTH.user.name, { required: true })],
    // A new user is invited by mail unless the admin chooses to type a password.
    invite: [!this.editing],
    password: [''],
    role: [this.data.user?.role ?? ('city_liaison' as Role), Validators.required],
    hubIds: [this.data.user?.hubIds ?? ([] as string[])],
    cityIds: [this.data.user?.cityIds ?? ([] as string[])],
    language: [this.data.user?.language ?? ('en' as Language)],
  });

  protected readonly role = toSignal(this.form.controls.role.valueChanges.pipe(startWith(this.form.controls.role.value)), {
    requireSync: true,
  });

  protected readonly cityIds = toSignal(this.form.controls.cityIds.valueChanges.pipe(startWith(this.form.controls.cityIds.value)), {
    requireSync: true,
  });
  /** What is typed in the city search. */
  protected readonly cityText = signal('');
  private readonly cityById = computed(() => new Map(this.data.cities().map((c) => [c.id, c])));
  protected readonly chosenCities = computed(() => this.cityIds().map((id) => ({ id, name: this.cityById().get(id)?.name ?? '' })));
  /** Cities whose name or country code holds the typed text (accents and case aside), not yet chosen. */
  protected readonly cityMatches = computed(() => {
    const typed = fold(this.cityText().trim());
    const chosen = new Set(this.cityIds());
    return this.data
      .cities()
      .filter((c) => !chosen.has(c.id) && (fold(c.name).includes(typed) || c.countryCode.toLowerCase() === typed))
      .slice(0, CITY_OPTIONS);
  });

  protected readonly invite = toSignal(this.form.controls.invite.valueChanges.pipe(startWith(this.form.controls.invite.value)), {
    requireSync: true,
  });

  constructor() {
    super();
    this.version = this.data.user?.version ?? 0;
    // The password is asked for only when the admin types one instead of inviting.
    this.form.controls.invite.valueChanges.pipe(startWith(this.form.controls.invite.value), takeUntilDestroyed()).subscribe((invite) => {
      const { password } = this.form.controls;
      password.setValidators(
        this.editing || invite
          ? null
          : [Validators.required, Validators.minLength(this.passwordMin), Validators.maxLength(this.passwordMax)],
      );
      password.updateValueAndValidity({ emitEvent: false });
    });
    // Hub managers are scoped by hub and liaisons by city: that list is then required.
    this.form.controls.role.valueChanges.pipe(startWith(this.form.controls.role.value), takeUntilDestroyed()).subscribe((role) => {
      const { hubIds, cityIds } = this.form.controls;
      hubIds.setValidators(role === 'hub_manager' ? Validators.required : null);
      cityIds.setValidators(role === 'city_liaison' ? Validators.required : null);
      hubIds.updateValueAndValidity({ emitEvent: false });
      cityIds.updateValueAndValidity({ emitEvent: false });
    });
  }

  protected addCity(id: string): void {
    const { cityIds } = this.form.controls;
    if (!cityIds.value.includes(id)) cityIds.setValue([...cityIds.value, id]);
    cityIds.markAsDirty();
    this.cityText.set('');
  }

  protected removeCity(id: string): void {
    const { cityIds } = this.form.controls;
    cityIds.setValue(cityIds.value.filter((c) => c !== id));
    cityIds.markAsDirty();
  }

  protected save(): void {
    this.submit(
      () => {
        const value = this.form.getRawValue();
        const scoped = {
          hubIds: value.role === 'hub_manager' ? value.hubIds : [],
          cityIds: value.role === 'city_liaison' ? value.cityIds : [],
        };
        const user = this.data.user;
        return user
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
              ...(value.invite ? {} : { password: value.password }),
              role: value.role,
              language: value.language,
              ...scoped,
            });
      },
      (saved) => this.dialogRef.close(saved),
    );
  }

  /** After a 409: the other person's version replaces what was typed here, only on request. */
  protected override fill(current: User): void {
    this.form.patchValue({
      name: current.name,
      role: current.role,
      hubIds: current.hubIds,
      cityIds: current.cityIds,
      language: current.language,
    });
  }

  protected override fetch(): Observable<User> | null {
    return this.data.user ? this.api.get(this.data.user.id) : null;
  }

  /** A 409 on a new user means the e-mail address is taken. */
  protected override conflict(error: HttpErrorResponse): Problem {
    if (this.editing) return super.conflict(error);
    this.form.controls.email.setErrors({ taken: true });
    this.form.controls.email.markAsTouched();
    return 'invalid';
  }
}

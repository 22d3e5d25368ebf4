import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTooltipModule } from '@angular/material/tooltip';
import { CityContact, ContactLink, LANGUAGES, Language } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language.service';
import { LocaleDatePipe } from '../../core/i18n/locale.pipes';
import { RecordDialogs } from '../../shared/forms/dialogs';
import { Notices } from '../../shared/ui/notices';
import { ContactLinksApi } from './contact-links.api';
import { catchError, of } from 'rxjs';

export interface ContactLinksDialogData {
  followUp: { id: string; title: string };
}

/** "Ask the city to confirm": mail a contact a link to the follow-up, see the links sent and revoke one. */
@Component({
  selector: 'it-contact-links-dialog',
  imports: [
    LocaleDatePipe,
    MatAutocompleteModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    MatTooltipModule,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  templateUrl: './contact-links.dialog.html',
  styleUrl: './contact-links.dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactLinksDialog {
  private readonly api = inject(ContactLinksApi);
  private readonly dialogs = inject(RecordDialogs);
  private readonly notices = inject(Notices);
  protected readonly data = inject<ContactLinksDialogData>(MAT_DIALOG_DATA);
  protected readonly languages = LANGUAGES;

  // resetForm (not reset) also clears the submitted flag, so the emptied fields are not shown in error.
  private readonly formDirective = viewChild.required(FormGroupDirective);
  protected readonly links = signal<ContactLink[] | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly sending = signal(false);
  protected readonly sendFailed = signal<string | null>(null);
  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email, Validators.maxLength(320)] }),
    language: new FormControl<Language>(inject(LanguageService).language(), { nonNullable: true, validators: [Validators.required] }),
  });

  /** The city's contacts already asked by link; an empty list when they cannot be read (typing still works). */
  private readonly contacts = toSignal(this.api.contacts(this.data.followUp.id).pipe(catchError(() => of([] as CityContact[]))), {
    initialValue: [] as CityContact[],
  });
  private readonly typedName = toSignal(this.form.controls.name.valueChanges, { initialValue: '' });
  /** The known contacts whose name or address holds what is typed in the name field. */
  protected readonly suggestions = computed(() => {
    const typed = this.typedName().trim().toLocaleLowerCase();
    return this.contacts().filter((c) => !typed || `${c.name} ${c.email}`.toLocaleLowerCase().includes(typed));
  });

  constructor() {
    this.load();
  }

  /** A known contact picked from the name field: the address and language come with the name. */
  protected pick(contact: CityContact): void {
    this.form.patchValue({ name: contact.name, email: contact.email, language: contact.language });
  }

  protected load(): void {
    this.loadFailed.set(false);
    this.api.list(this.data.followUp.id).subscribe({
      next: (links) => this.links.set(links),
      error: () => this.loadFailed.set(true),
    });
  }

  protected send(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.sending()) return;
    const { name, email, language } = this.form.getRawValue();
    this.sending.set(true);
    this.sendFailed.set(null);
    this.api.create(this.data.followUp.id, { name: name.trim(), email: email.trim(), language }).subscribe({
      next: () => {
        this.sending.set(false);
        this.notices.say('contactLinks.sent', { name: name.trim(), email: email.trim() }, 6000);
        this.formDirective().resetForm({ name: '', email: '', language });
        this.load();
      },
      error: (error: { error?: { message?: unknown } }) => {
        this.sending.set(false);
        const message = error?.error?.message;
        this.sendFailed.set(typeof message === 'string' ? message : '');
      },
    });
  }

  protected revoke(link: ContactLink): void {
    this.dialogs.confirm(
      { title: 'contactLinks.revokeTitle', message: 'contactLinks.revokeMessage', confirm: 'contactLinks.revoke' },
      `${link.name} <${link.email}>`,
      () =>
        this.api.revoke(this.data.followUp.id, link.id).subscribe({
          next: () => {
            this.notices.say('contactLinks.revoked', { name: link.name }, 6000);
            this.load();
          },
          error: () => this.notices.say('errors.unexpected', {}, 6000),
        }),
    );
  }
}

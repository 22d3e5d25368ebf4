import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { MAX_LENGTH, MIN_LENGTH, PasswordLink } from '@impact/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LANGUAGE_STORAGE_KEY, LanguageService, isLanguage } from '../core/i18n/language.service';
import { PasswordApi } from './password.api';
import { PasswordToggle } from '../shared/forms/password-toggle';
import { CardLoading, CardProblem } from '../shared/ui/card-states';

/** Why the link cannot be used: unknown (404), used or replaced, expired, account off (410), too many tries (429). */
export type LinkFailure = 'notFound' | 'used' | 'expired' | 'inactive' | 'limited' | 'unexpected';

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; link: PasswordLink }
  | { kind: 'done'; link: PasswordLink }
  | { kind: 'failed'; failure: LinkFailure };

export function linkFailureOf(error: unknown): LinkFailure {
  if (!(error instanceof HttpErrorResponse)) return 'unexpected';
  if (error.status === 404) return 'notFound';
  if (error.status === 429) return 'limited';
  if (error.status !== 410) return 'unexpected';
  const reason = (error.error as { details?: { reason?: unknown } } | null)?.details?.reason;
  return reason === 'expired' || reason === 'inactive' ? reason : 'used';
}

function readStored(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * The page of a mailed set-password link, for an invitation and a reset alike: whose account it is,
 * the new password twice, then the way to sign in. Speaks the mail's language unless the person
 * picked another on this device.
 */
@Component({
  selector: 'it-set-password-page',
  imports: [
    CardLoading,
    CardProblem,
    PasswordToggle,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './set-password.page.html',
  styleUrls: ['../shared/ui/card-page.scss', './password.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SetPasswordPage {
  private readonly api = inject(PasswordApi);
  private readonly language = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  private readonly token = inject(ActivatedRoute).snapshot.paramMap.get('token') ?? '';

  protected readonly min = MIN_LENGTH.user.password;
  protected readonly max = MAX_LENGTH.user.password;
  protected readonly state = signal<State>({ kind: 'loading' });
  protected readonly saving = signal(false);
  /** A problem with the password itself (the server's common-passwords list) or the connection. */
  protected readonly saveError = signal<'tooCommon' | 'unexpected' | null>(null);
  protected readonly showPassword = signal(false);
  protected readonly mismatch = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', [Validators.required, Validators.minLength(this.min), Validators.maxLength(this.max)]],
    repeat: ['', [Validators.required]],
  });

  constructor() {
    this.api.open(this.token).subscribe({
      next: (link) => {
        if (!isLanguage(readStored())) void this.language.choose(link.language);
        this.state.set({ kind: 'ready', link });
      },
      error: (error: unknown) => this.state.set({ kind: 'failed', failure: linkFailureOf(error) }),
    });
  }

  /** When the link stops working, date and time (a reset link lasts an hour: the day alone says little). */
  protected until(link: PasswordLink): string {
    return new Intl.DateTimeFormat(this.transloco.getActiveLang(), { dateStyle: 'long', timeStyle: 'short' }).format(
      new Date(link.expiresAt),
    );
  }

  protected submit(link: PasswordLink): void {
    const { password, repeat } = this.form.getRawValue();
    this.mismatch.set(repeat !== '' && password !== repeat);
    if (this.form.invalid || this.mismatch()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.saveError.set(null);
    this.api.setPassword({ token: this.token, password }).subscribe({
      next: () => {
        this.saving.set(false);
        this.state.set({ kind: 'done', link });
      },
      error: (error: unknown) => {
        this.saving.set(false);
        if (error instanceof HttpErrorResponse && error.status === 400) {
          // Length is checked here already: what only the server knows is its list of common passwords.
          this.saveError.set('tooCommon');
          return;
        }
        const failure = linkFailureOf(error);
        if (failure === 'unexpected') this.saveError.set('unexpected');
        else this.state.set({ kind: 'failed', failure });
      },
    });
  }
}

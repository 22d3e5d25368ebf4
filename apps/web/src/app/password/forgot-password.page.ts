import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { MAX_LENGTH, PASSWORD_LINK_HOURS } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { minutesToWait } from '../sign-in/retry-after';
import { PasswordApi } from './password.api';

type Failure = { key: string; params?: Record<string, unknown> };

/**
 * Asks for a reset link. The answer is the same whether an account has the address or not, so the
 * page says "if an account exists" and never more.
 */
@Component({
  selector: 'it-forgot-password-page',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, ReactiveFormsModule, RouterLink, TranslocoPipe],
  templateUrl: './forgot-password.page.html',
  styleUrls: ['../shared/ui/card-page.scss', './password.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForgotPasswordPage {
  private readonly api = inject(PasswordApi);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(MAX_LENGTH.user.email)]],
  });
  protected readonly sending = signal(false);
  protected readonly sentTo = signal<string | null>(null);
  protected readonly failure = signal<Failure | null>(null);
  protected readonly hours = PASSWORD_LINK_HOURS.reset;

  /** The address kept whole and in its own direction inside a sentence of any language. */
  protected isolated(email: string): string {
    return `\u2068${email}\u2069`;
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const email = this.form.getRawValue().email.trim();
    this.sending.set(true);
    this.failure.set(null);
    this.api.requestReset({ email }).subscribe({
      next: () => {
        this.sending.set(false);
        this.sentTo.set(email);
      },
      error: (error: unknown) => {
        this.sending.set(false);
        const status = error instanceof HttpErrorResponse ? error.status : -1;
        this.failure.set(
          status === 429
            ? {
                key: 'passwords.errors.tooMany',
                params: { minutes: minutesToWait((error as HttpErrorResponse).headers.get('Retry-After')) },
              }
            : { key: status === 0 ? 'passwords.errors.offline' : 'passwords.errors.unexpected' },
        );
      },
    });
  }
}

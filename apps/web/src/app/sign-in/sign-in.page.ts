import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../core/auth/auth.service';
import { LanguageSwitcher } from '../core/i18n/language-switcher';
import { minutesToWait, safeReturnUrl } from './retry-after';
import { PasswordToggle } from '../shared/forms/password-toggle';

type SignInError = { key: string; params?: Record<string, unknown> };

@Component({
  selector: 'it-sign-in-page',
  imports: [
    PasswordToggle,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    LanguageSwitcher,
    RouterLink,
  ],
  templateUrl: './sign-in.page.html',
  styleUrl: './sign-in.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** Where to go afterwards (set by the guard or by an ended session). */
  readonly returnUrl = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required]],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<SignInError | null>(null);
  protected readonly showPassword = signal(false);

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    const { email, password } = this.form.getRawValue();
    this.auth.login(email.trim(), password).subscribe({
      next: () => void this.router.navigateByUrl(safeReturnUrl(this.returnUrl())),
      error: (error: unknown) => {
        this.submitting.set(false);
        this.error.set(this.describe(error));
      },
    });
  }

  private describe(error: unknown): SignInError {
    if (!(error instanceof HttpErrorResponse)) return { key: 'signIn.errors.unexpected' };
    switch (error.status) {
      case 401:
        return { key: 'signIn.errors.invalid' };
      case 429:
        return { key: 'signIn.errors.tooMany', params: { minutes: minutesToWait(error.headers.get('Retry-After')) } };
      case 0:
        return { key: 'signIn.errors.offline' };
      default:
        return { key: 'signIn.errors.unexpected' };
    }
  }
}

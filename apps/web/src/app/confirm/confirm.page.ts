import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { ActivatedRoute } from '@angular/router';
import { ContactLinkAnswerRequest, ContactLinkAnswerResult, PublicFollowUpLink } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LANGUAGE_STORAGE_KEY, LanguageService, isLanguage } from '../core/i18n/language.service';
import { LocaleDatePipe } from '../core/i18n/locale.pipes';
import { ConfirmApi } from './confirm.api';
import { IsolatePipe } from '../shared/ui/isolate.pipe';
import { CardLoading, CardProblem } from '../shared/ui/card-states';

export type ConfirmChoice = 'done' | 'notYet' | 'newDate';
/** Why the page cannot offer the choices: unknown link (404), no longer usable (410), too many tries (429). */
export type ConfirmFailure = 'notFound' | 'gone' | 'limited' | 'unexpected';
type GoneReason = 'revoked' | 'expired' | 'closed';

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; link: PublicFollowUpLink }
  | { kind: 'recorded'; link: PublicFollowUpLink; result: ContactLinkAnswerResult }
  | { kind: 'failed'; failure: ConfirmFailure; reason: GoneReason | null; message: string | null };

function readStored(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

function failureOf(error: unknown): Extract<State, { kind: 'failed' }> {
  const status = error instanceof HttpErrorResponse ? error.status : 0;
  const body = error instanceof HttpErrorResponse ? (error.error as { message?: unknown; details?: { reason?: unknown } } | null) : null;
  const failure: ConfirmFailure = status === 404 ? 'notFound' : status === 410 ? 'gone' : status === 429 ? 'limited' : 'unexpected';
  const reason = body?.details?.reason;
  return {
    kind: 'failed',
    failure,
    reason: reason === 'revoked' || reason === 'expired' || reason === 'closed' ? reason : null,
    message: failure === 'gone' && typeof body?.message === 'string' ? body.message : null,
  };
}

/**
 * The page a city contact opens from the mail: what the follow-up is, and three answers (done, not yet
 * with a note, a new date). It speaks the link's language unless the person picked another here.
 */
@Component({
  selector: 'it-confirm-page',
  imports: [
    CardLoading,
    CardProblem,
    IsolatePipe,
    LocaleDatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatRadioModule,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  templateUrl: './confirm.page.html',
  styleUrls: ['../shared/ui/card-page.scss', './confirm.page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmPage {
  private readonly api = inject(ConfirmApi);
  private readonly language = inject(LanguageService);
  private readonly token = inject(ActivatedRoute).snapshot.paramMap.get('token') ?? '';

  protected readonly state = signal<State>({ kind: 'loading' });
  protected readonly saving = signal(false);
  protected readonly saveFailed = signal(false);
  protected readonly choice = new FormControl<ConfirmChoice | null>(null, Validators.required);
  protected readonly note = new FormControl('', { nonNullable: true, validators: [Validators.maxLength(4000)] });
  protected readonly date = new FormControl('', { nonNullable: true });
  protected readonly tried = signal(false);

  constructor() {
    this.api.open(this.token).subscribe({
      next: (link) => {
        // The link's language, remembered on this device so a reload (even of a spent link) keeps it;
        // a language already picked on this device wins.
        if (!isLanguage(readStored())) void this.language.choose(link.language);
        this.state.set({ kind: 'ready', link });
      },
      error: (error: unknown) => this.state.set(failureOf(error)),
    });
  }

  /** What is missing for the chosen answer, or null. */
  protected missing(): 'choice' | 'note' | 'date' | null {
    const choice = this.choice.value;
    if (!choice) return 'choice';
    if (choice === 'notYet' && !this.note.value.trim()) return 'note';
    if (choice === 'newDate' && !/^\d{4}-\d{2}-\d{2}$/.test(this.date.value)) return 'date';
    return null;
  }

  protected submit(link: PublicFollowUpLink): void {
    this.tried.set(true);
    if (this.missing() || this.saving()) return;
    const choice = this.choice.value as ConfirmChoice;
    const note = this.note.value.trim();
    const body: ContactLinkAnswerRequest = { done: choice === 'done' };
    if (choice !== 'done' && note) body.note = note;
    if (choice === 'newDate') body.proposedDueDate = this.date.value;
    this.saving.set(true);
    this.saveFailed.set(false);
    this.api.answer(this.token, body).subscribe({
      next: (result) => {
        this.saving.set(false);
        this.state.set({ kind: 'recorded', link, result });
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const failed = failureOf(error);
        // A 400 or a network failure keeps the form so the person can try again.
        if (failed.failure === 'unexpected') this.saveFailed.set(true);
        else this.state.set(failed);
      },
    });
  }
}

import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, Signal, inject, signal } from '@angular/core';
import { FollowUpListItem } from '@impact/contracts';
import { Observable, catchError, map, of } from 'rxjs';
import { Notices } from '../shared/ui/notices';
import { FollowUpsApi } from './data-access/follow-ups.api';

export type MarkDoneResult = 'done' | 'conflict' | 'failed';

/**
 * One click "Mark done" with the version read, with "Undo" on offer for a few seconds. A 409 means
 * someone changed the follow-up meanwhile: say so and let the caller reload the list, so the person
 * sees the change before acting again.
 */
@Injectable({ providedIn: 'root' })
export class MarkDone {
  private readonly api = inject(FollowUpsApi);
  private readonly notices = inject(Notices);

  /** `reopened` runs when the person chose "Undo" and the follow-up is open again (the caller reloads). */
  run(followUp: FollowUpListItem, reopened?: () => void): Observable<MarkDoneResult> {
    return this.api.markDone(followUp).pipe(
      map((saved): MarkDoneResult => {
        this.notices.offerUndo('followUps.markedDone', { name: followUp.title }, () => this.undo(saved, reopened));
        return 'done';
      }),
      catchError((error: unknown) => {
        const conflict = error instanceof HttpErrorResponse && error.status === 409;
        this.notices.say(conflict ? 'form.problem.conflict' : 'errors.unexpected', { name: followUp.title }, 6000);
        return of<MarkDoneResult>(conflict ? 'conflict' : 'failed');
      }),
    );
  }

  /** Undo is a change like any other: back to open with the version just saved, audited by the API. */
  private undo(saved: FollowUpListItem, reopened?: () => void): void {
    this.api.update(saved.id, { version: saved.version, status: 'open' }).subscribe({
      next: () => {
        this.notices.say('undo.followUpReopened', { name: saved.title });
        reopened?.();
      },
      error: (error: unknown) => {
        const conflict = error instanceof HttpErrorResponse && error.status === 409;
        this.notices.say(conflict ? 'form.problem.conflict' : 'errors.unexpected', { name: saved.title }, 6000);
      },
    });
  }
}

/**
 * "Mark done" on a page's follow-ups: the row being marked (`busy`, its button disabled meanwhile) and the
 * click, after which the rows are read again (`reload`, also after an "Undo"). Create it in a component's
 * field initialiser (it needs the injection context).
 */
export function markDoneAction(reload: () => void): { busy: Signal<string | null>; done: (followUp: FollowUpListItem) => void } {
  const markDone = inject(MarkDone);
  const busy = signal<string | null>(null);
  const done = (followUp: FollowUpListItem) => {
    busy.set(followUp.id);
    markDone.run(followUp, reload).subscribe(() => {
      busy.set(null);
      reload();
    });
  };
  return { busy: busy.asReadonly(), done };
}

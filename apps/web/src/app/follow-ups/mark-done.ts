import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { FollowUpListItem } from '@impact/contracts';
import { Observable, catchError, map, of } from 'rxjs';
import { Notices } from '../shared/ui/notices';
import { FollowUpsApi } from './data-access/follow-ups.api';

export type MarkDoneResult = 'done' | 'conflict' | 'failed';

/**
 * One click "Mark done" with the version read. A 409 means someone changed the follow-up meanwhile:
 * say so and let the caller reload the list, so the person sees the change before acting again.
 */
@Injectable({ providedIn: 'root' })
export class MarkDone {
  private readonly api = inject(FollowUpsApi);
  private readonly notices = inject(Notices);

  run(followUp: FollowUpListItem): Observable<MarkDoneResult> {
    return this.api.markDone(followUp).pipe(
      map((): MarkDoneResult => {
        this.notices.say('followUps.markedDone', { name: followUp.title }, 6000);
        return 'done';
      }),
      catchError((error: unknown) => {
        const conflict = error instanceof HttpErrorResponse && error.status === 409;
        this.notices.say(conflict ? 'form.problem.conflict' : 'errors.unexpected', { name: followUp.title }, 6000);
        return of<MarkDoneResult>(conflict ? 'conflict' : 'failed');
      }),
    );
  }
}

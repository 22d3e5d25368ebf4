import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { FollowUpListItem } from '@impact/contracts';
import { TranslocoService } from '@jsverse/transloco';
import { Observable, catchError, map, of } from 'rxjs';
import { FollowUpsApi } from './data-access/follow-ups.api';

export type MarkDoneResult = 'done' | 'conflict' | 'failed';

/**
 * One click "Mark done" with the version read. A 409 means someone changed the follow-up meanwhile:
 * say so and let the caller reload the list, so the person sees the change before acting again.
 */
@Injectable({ providedIn: 'root' })
export class MarkDone {
  private readonly api = inject(FollowUpsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  run(followUp: FollowUpListItem): Observable<MarkDoneResult> {
    return this.api.markDone(followUp).pipe(
      map((): MarkDoneResult => {
        this.snack('followUps.markedDone', followUp.title);
        return 'done';
      }),
      catchError((error: unknown) => {
        const conflict = error instanceof HttpErrorResponse && error.status === 409;
        this.snack(conflict ? 'form.problem.conflict' : 'errors.unexpected', followUp.title);
        return of<MarkDoneResult>(conflict ? 'conflict' : 'failed');
      }),
    );
  }

  private snack(key: string, name: string): void {
    this.snackBar.open(this.transloco.translate(key, { name }), this.transloco.translate('common.close'), { duration: 6000 });
  }
}

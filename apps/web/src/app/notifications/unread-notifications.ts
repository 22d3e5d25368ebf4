import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { NotificationItem } from '@impact/contracts';
import { Subject, catchError, merge, of, skip, switchMap, timer } from 'rxjs';
import { LanguageService } from '../core/i18n/language.service';
import { NotificationsApi } from './data-access/notifications.api';

/** Polls gently: once a minute, on every navigation (via `refresh`), after marking read, and on a language switch. */
const POLL_MS = 60_000;
const PREVIEW_SIZE = 5;

/** The unread count and latest notifications for the toolbar's bell, shared by the shell and the page. */
@Injectable({ providedIn: 'root' })
export class UnreadNotifications {
  private readonly api = inject(NotificationsApi);
  private readonly refresh$ = new Subject<void>();
  /** The server words notifications in the reader's language: a switch fetches them again. */
  private readonly languageSwitches = toObservable(inject(LanguageService).language).pipe(skip(1));
  readonly unread = signal(0);
  readonly latest = signal<NotificationItem[]>([]);
  private started = false;

  /** Starts polling for the lifetime of the given owner (the signed-in shell). */
  start(destroyRef: DestroyRef): void {
    if (this.started) return;
    this.started = true;
    destroyRef.onDestroy(() => (this.started = false));
    merge(this.refresh$, this.languageSwitches)
      .pipe(
        switchMap(() => timer(0, POLL_MS)),
        // A failed poll keeps the last figures; the next tick tries again.
        switchMap(() => this.api.list({ page: 1, pageSize: PREVIEW_SIZE }).pipe(catchError(() => of(null)))),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((page) => {
        if (!page) return;
        this.unread.set(page.unread);
        this.latest.set(page.items);
      });
    this.refresh();
  }

  refresh(): void {
    this.refresh$.next();
  }
}

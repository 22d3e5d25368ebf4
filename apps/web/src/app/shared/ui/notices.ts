import { DOCUMENT, Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoService } from '@jsverse/transloco';
import { isolate } from './isolate.pipe';

/** Every text value keeps its own direction inside the sentence (a Latin title inside Arabic news). */
function isolated(params?: Record<string, unknown>): Record<string, unknown> | undefined {
  return params && Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? isolate(v) : v]));
}

/** Whether a key press belongs to a text field (where Ctrl+Z is the field's own undo). */
function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** How long "Undo" stays on offer after "Achieved" or "Mark done". */
export const UNDO_WINDOW_MS = 10_000;

/** Short news after an action ("… was saved"), in the user's language, in a snack-bar with "Close"; its values isolated. */
@Injectable({ providedIn: 'root' })
export class Notices {
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);

  say(key: string, params?: Record<string, unknown>, durationMs = 5000): void {
    this.snackBar.open(this.transloco.translate(key, isolated(params)), this.transloco.translate('common.close'), { duration: durationMs });
  }

  /**
   * News of a step that can be taken back for a few seconds: the snack-bar's action is "Undo", and
   * `undo` runs if it is chosen before the bar goes.
   */
  offerUndo(key: string, params: Record<string, unknown>, undo: () => void, durationMs = UNDO_WINDOW_MS): void {
    const message = this.transloco.translate(key, isolated(params));
    // The bar does not take the focus (that would pull it from the page), so the keyboard gets a
    // shortcut, Ctrl+Z (⌘Z) outside a text field, and the screen reader hears it with the news.
    const bar = this.snackBar.open(message, this.transloco.translate('undo.action'), {
      duration: durationMs,
      announcementMessage: `${message} ${this.transloco.translate('dailyWork.undo.shortcut')}`,
    });
    const onKey = (event: KeyboardEvent) => {
      if (
        (event.ctrlKey || event.metaKey) &&
        !event.altKey &&
        !event.shiftKey &&
        event.key.toLowerCase() === 'z' &&
        !inTextField(event.target)
      ) {
        event.preventDefault();
        bar.dismissWithAction();
      }
    };
    this.document.addEventListener('keydown', onKey);
    bar.afterDismissed().subscribe(() => this.document.removeEventListener('keydown', onKey));
    bar.onAction().subscribe(undo);
  }

  /** News with one action (its words under `actionKey`) that runs `action` if chosen before the bar goes. */
  sayWithAction(key: string, params: Record<string, unknown>, actionKey: string, action: () => void, durationMs = 8000): void {
    const bar = this.snackBar.open(this.transloco.translate(key, isolated(params)), this.transloco.translate(actionKey), {
      duration: durationMs,
    });
    bar.onAction().subscribe(action);
  }
}

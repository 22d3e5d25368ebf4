import { ComponentType } from '@angular/cdk/portal';
import { Injectable, inject } from '@angular/core';
import { MatDialog, MatDialogConfig } from '@angular/material/dialog';
import { TranslocoService } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { ConfirmDialog, ConfirmDialogData } from '../ui/confirm-dialog';

/** Opens a record form as a dialog: wide enough for two columns, the whole screen width on a phone. */
export function openForm<C, D, R>(
  dialog: MatDialog,
  component: ComponentType<C>,
  data: D,
  config: MatDialogConfig<D> = {},
): Observable<R | undefined> {
  return dialog
    .open<C, D, R>(component, {
      data,
      width: '720px',
      maxWidth: '100vw',
      maxHeight: '100dvh',
      autoFocus: 'first-tabbable',
      disableClose: true,
      ...config,
    })
    .afterClosed();
}

/** The dialogs pages open: record forms (what was saved is handed on, a cancel is nothing) and confirmations. */
@Injectable({ providedIn: 'root' })
export class RecordDialogs {
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);

  open<C, D, R>(component: ComponentType<C>, data: D, saved: (record: R) => void, config: MatDialogConfig<D> = {}): void {
    openForm<C, D, R>(this.dialog, component, data, config).subscribe((record) => {
      if (record) saved(record);
    });
  }

  /** Asks before something hard to undo about `name` (keys of the title, message and confirm button); `then` runs on yes. */
  confirm(keys: { title: string; message: string; confirm: string }, name: string, then: () => void, config: MatDialogConfig = {}): void {
    const t = (key: string) => this.transloco.translate(key, { name });
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: { title: t(keys.title), message: t(keys.message), confirm: t(keys.confirm), cancel: t('common.cancel') },
        ...config,
      })
      .afterClosed()
      .subscribe((yes) => {
        if (yes) then();
      });
  }
}

import { ComponentType } from '@angular/cdk/portal';
import { Injectable, inject } from '@angular/core';
import { MatDialog, MatDialogConfig } from '@angular/material/dialog';
import { TranslocoService } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { ConfirmDialog, ConfirmDialogData } from '../ui/confirm-dialog';
import { Notices } from '../ui/notices';

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
  private readonly notices = inject(Notices);

  open<C, D, R>(component: ComponentType<C>, data: D, saved: (record: R) => void, config: MatDialogConfig<D> = {}): void {
    openForm<C, D, R>(this.dialog, component, data, config).subscribe((record) => {
      if (record) saved(record);
    });
  }

  /**
   * A record's create or edit form: once it is saved, the user is told so ("“…” was saved.", by the
   * record's title or name) and the record is handed on.
   */
  openRecordForm<C, D, R extends { title?: string; name?: string }>(
    component: ComponentType<C>,
    data: D,
    saved: (record: R) => void,
    config: MatDialogConfig<D> = {},
  ): void {
    this.open<C, D, R>(
      component,
      data,
      (record) => {
        const name = record.title ?? record.name;
        if (name) this.notices.say('form.saved', { name });
        else this.notices.say('form.savedUnnamed');
        saved(record);
      },
      config,
    );
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

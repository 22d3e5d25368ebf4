import { ComponentType } from '@angular/cdk/portal';
import { MatDialog, MatDialogConfig } from '@angular/material/dialog';
import { Observable } from 'rxjs';

/** Opens a record form as a dialog: wide enough for two columns, the whole screen width on a phone. */
export function openForm<C, D, R>(dialog: MatDialog, component: ComponentType<C>, data: D, config: MatDialogConfig<D> = {}): Observable<R | undefined> {
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

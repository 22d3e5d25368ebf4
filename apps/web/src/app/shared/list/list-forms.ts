import { ComponentType } from '@angular/cdk/portal';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { RecordDialogs } from '../forms/dialogs';

/**
 * The record forms a list page opens: one to add or edit a record in place (the list is read again once it
 * is saved), or a new record's form after which the record's own page opens. The user is told what was
 * saved. Create it in a component's field initialiser (it needs the injection context).
 */
export class ListForms {
  private readonly dialogs = inject(RecordDialogs);
  private readonly router = inject(Router);

  constructor(private readonly list: { result: { reload(): unknown } }) {}

  /** A record form; the list shows what was saved. */
  open<C, D>(component: ComponentType<C>, data: D): void {
    this.dialogs.openRecordForm(component, data, () => this.list.result.reload());
  }

  /** A new record's form; once it is saved, its page (`route`/id) opens. */
  create<C, D>(component: ComponentType<C>, data: D, route: string): void {
    this.dialogs.openRecordForm(component, data, (saved: { id: string; title?: string; name?: string }) => {
      void this.router.navigate([route, saved.id]);
    });
  }
}

import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';
import { RowAction } from '../../shared/ui/row-action';
import { ContactLinksDialog, ContactLinksDialogData } from './contact-links.dialog';

/** A follow-up's row action "Ask the city to confirm": opens the contact-links dialog. */
@Component({
  selector: 'it-contact-links-action',
  imports: [RowAction, TranslocoPipe],
  template: `
    <it-row-action
      icon="forward_to_inbox"
      [tooltip]="'contactLinks.ask' | transloco"
      [label]="'contactLinks.askNamed' | transloco: { name: followUp().title }"
      (act)="open()"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactLinksAction {
  private readonly dialog = inject(MatDialog);
  readonly followUp = input.required<{ id: string; title: string }>();

  protected open(): void {
    const { id, title } = this.followUp();
    this.dialog.open<ContactLinksDialog, ContactLinksDialogData>(ContactLinksDialog, {
      data: { followUp: { id, title } },
      width: '640px',
      maxWidth: '100vw',
      maxHeight: '100dvh',
      autoFocus: 'first-tabbable',
    });
  }
}

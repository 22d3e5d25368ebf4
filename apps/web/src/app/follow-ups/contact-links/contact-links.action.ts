import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import { RowAction } from '../../shared/ui/row-action';
import { ContactLinksDialog, ContactLinksDialogData } from './contact-links.dialog';

/**
 * A follow-up's action "Ask the city to confirm": opens the contact-links dialog. In a table row an icon
 * button named for the follow-up; on a phone card (`look="text"`) a button that says it.
 */
@Component({
  selector: 'it-contact-links-action',
  imports: [MatButtonModule, MatIconModule, RowAction, TranslocoPipe],
  template: `
    @if (look() === 'icon') {
      <it-row-action
        icon="forward_to_inbox"
        [tooltip]="'contactLinks.ask' | transloco"
        [label]="'contactLinks.askNamed' | transloco: { name: followUp().title }"
        (act)="open()"
      />
    } @else {
      <button mat-button type="button" (click)="open()">
        <mat-icon aria-hidden="true">forward_to_inbox</mat-icon>{{ 'contactLinks.ask' | transloco }}
      </button>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactLinksAction {
  private readonly dialog = inject(MatDialog);
  readonly followUp = input.required<{ id: string; title: string }>();
  readonly look = input<'icon' | 'text'>('icon');

  protected open(): void {
    const { id, title } = this.followUp();
    this.dialog.open<ContactLinksDialog, ContactLinksDialogData>(ContactLinksDialog, {
      data: { followUp: { id, title } },
      width: '640px',
      maxWidth: '100vw',
      maxHeight: '100dvh',
      // The heading, not the name field: focused, the field would open its list of known contacts at once
      // (and Escape would close that list instead of the dialog).
      autoFocus: 'first-heading',
    });
  }
}

import { NgTemplateOutlet } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { City, ListQuery, User } from '@impact/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AuthService } from '../core/auth/auth.service';
import { LocaleDatePipe } from '../core/i18n/locale.pipes';
import { ListCard, ListColumn, ListPage, ListView } from '../shared/list/list-page';
import { RecordList } from '../shared/list/list-state';
import { RecordDialogs } from '../shared/forms/dialogs';
import { Notices } from '../shared/ui/notices';
import { UsersApi } from './data-access/users.api';
import { DeactivateDialog, Deactivated } from './deactivate-dialog';
import { UserDialog, UserDialogData } from './user-dialog';
import { RowAction } from '../shared/ui/row-action';
import { HubNames } from '../shared/ui/hub-name';

const USERS_VIEW: ListView = {
  heading: 'nav.users',
  search: 'users.search',
  caption: 'users.caption',
  emptyIcon: 'group',
  emptyTitle: 'users.empty.none',
  emptyBody: 'users.empty.noneBody',
  // The page is the admins' only: no permission check for "add".
  add: { label: 'users.add', icon: 'person_add' },
  states: {
    failedHeading: 'users.errors.load',
    failedBody: 'users.errors.loadBody',
    noMatchIcon: 'person_search',
    noMatchHeading: 'users.empty.noMatch',
    noMatchBody: 'users.empty.noMatchBody',
    clearLabel: 'users.clearSearch',
  },
  cardsBelow: 'tablet',
};

/** Admin's list of users: search and page live in the URL, so a view can be shared. */
@Component({
  selector: 'it-users-page',
  imports: [ListCard, ListColumn, ListPage, LocaleDatePipe, MatButtonModule, MatIconModule, NgTemplateOutlet, RowAction, TranslocoPipe],
  templateUrl: './users.page.html',
  styleUrl: './users.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage {
  private readonly api = inject(UsersApi);
  private readonly dialogs = inject(RecordDialogs);
  private readonly notices = inject(Notices);
  private readonly transloco = inject(TranslocoService);
  protected readonly auth = inject(AuthService);

  // Searched by name or e-mail; not sortable.
  protected readonly list = new RecordList<ListQuery, User>({ filters: {}, sortable: [] }, this.api);
  private readonly citiesResource = rxResource({ stream: () => this.api.cities() });
  protected readonly hubs = inject(HubNames).localized;
  protected readonly cities = computed<City[]>(() => (this.citiesResource.hasValue() ? this.citiesResource.value() : []));
  private readonly hubNames = computed(() => new Map(this.hubs().map((h) => [h.id, h.name])));
  private readonly cityNames = computed(() => new Map(this.cities().map((c) => [c.id, c.name])));
  protected readonly view = USERS_VIEW;
  protected readonly inactive = (user: User) => ({ 'it-inactive': !user.active });

  protected scopeOf(user: User): string {
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    if (user.role === 'hub_manager') {
      return this.names(user.hubIds, this.hubNames()) || t('users.scope.noHubs');
    }
    if (user.role === 'city_liaison') {
      return this.names(user.cityIds, this.cityNames()) || t('users.scope.noCities');
    }
    return t('users.scope.everything');
  }

  protected openCreate(): void {
    this.openDialog({ hubs: this.hubs, cities: this.cities }, 'users.saved.created');
  }

  protected openEdit(user: User): void {
    this.openDialog({ user, hubs: this.hubs, cities: this.cities }, 'users.saved.updated');
  }

  protected setActive(user: User, active: boolean): void {
    const change = () =>
      this.api.update(user.id, { version: user.version, active }).subscribe({
        next: () => {
          this.notices.say(active ? 'users.saved.reactivated' : 'users.saved.deactivated', { name: user.name });
          this.list.result.reload();
        },
        error: (error: unknown) => {
          const conflict = error instanceof HttpErrorResponse && error.status === 409;
          this.notices.say(conflict ? 'users.errors.conflict' : 'errors.unexpected', { name: user.name });
          if (conflict) this.list.result.reload();
        },
      });
    if (active) {
      change();
      return;
    }
    // Deactivating offers to hand the user's open follow-ups and commitments to someone else first.
    this.dialogs.open<DeactivateDialog, User, Deactivated>(
      DeactivateDialog,
      user,
      ({ heir }) => {
        if (heir) this.notices.say('dailyWork.reassign.done', { name: user.name, heir: heir.name });
        else this.notices.say('users.saved.deactivated', { name: user.name });
        this.list.result.reload();
      },
      { width: '560px', maxWidth: '95vw', autoFocus: 'dialog' },
    );
  }

  /** Mails a new set-password link; the earlier one stops working. */
  protected invite(user: User): void {
    this.api.invite(user.id).subscribe({
      next: () => this.notices.say('passwords.invite.sent', { name: user.name }),
      error: () => this.notices.say('passwords.invite.failed', { name: user.name }),
    });
  }

  private openDialog(data: UserDialogData, savedKey: string): void {
    const config = { width: '560px', maxWidth: '95vw', disableClose: false };
    this.dialogs.open(
      UserDialog,
      data,
      (saved: User) => {
        // A user created without a password was invited by mail.
        this.notices.say(data.user || !saved.invitationPending ? savedKey : 'passwords.invite.created', { name: saved.name });
        this.list.result.reload();
      },
      config,
    );
  }

  private names(ids: readonly string[], lookup: Map<string, string>): string {
    return ids.map((id) => lookup.get(id) ?? this.transloco.translate('users.scope.unknown')).join(', ');
  }
}

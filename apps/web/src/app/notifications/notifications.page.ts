import { EmptyState } from '../shared/ui/empty-state';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { NotificationItem } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocaleDatePipe } from '../core/i18n/locale.pipes';
import { LanguageService } from '../core/i18n/language.service';
import { Notices } from '../shared/ui/notices';
import { NotificationsApi } from './data-access/notifications.api';
import { UnreadNotifications } from './unread-notifications';

const PAGE_SIZE = 20;

/** The caller's notifications, newest first: all or unread only, one or all marked read. */
@Component({
  selector: 'it-notifications-page',
  imports: [
    EmptyState,
    LocaleDatePipe,
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './notifications.page.html',
  styleUrls: ['../shared/ui/tool-page.scss', './notifications.page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationsPage {
  private readonly api = inject(NotificationsApi);
  private readonly notices = inject(Notices);
  private readonly bell = inject(UnreadNotifications);
  private readonly language = inject(LanguageService);

  protected readonly unreadOnly = signal(false);
  protected readonly page = signal(1);
  protected readonly pageSize = PAGE_SIZE;
  protected readonly result = rxResource({
    // The language is a key too: the server words each notification in the reader's language.
    params: () => ({ query: { unread: this.unreadOnly(), page: this.page(), pageSize: PAGE_SIZE }, language: this.language.language() }),
    stream: ({ params }) => this.api.list(params.query),
  });
  protected readonly items = computed<NotificationItem[]>(() => (this.result.hasValue() ? this.result.value().items : []));
  protected readonly total = computed(() => (this.result.hasValue() ? this.result.value().total : 0));
  protected readonly unread = computed(() => (this.result.hasValue() ? this.result.value().unread : 0));

  protected setFilter(unreadOnly: boolean): void {
    this.unreadOnly.set(unreadOnly);
    this.page.set(1);
  }

  protected onPage(event: PageEvent): void {
    this.page.set(event.pageIndex + 1);
  }

  protected markRead(item: NotificationItem): void {
    this.mark({ ids: [item.id] }, 'notifications.marked.one');
  }

  protected markAll(): void {
    this.mark({ all: true }, 'notifications.marked.all');
  }

  /** Following a notification reads it. */
  protected follow(item: NotificationItem): void {
    if (!item.readAt) this.api.markRead({ ids: [item.id] }).subscribe({ next: () => this.bell.refresh(), error: () => undefined });
  }

  private mark(request: { ids?: string[]; all?: boolean }, doneKey: string): void {
    this.api.markRead(request).subscribe({
      next: (answer) => {
        this.notices.say(doneKey, { count: answer.marked });
        this.result.reload();
        this.bell.refresh();
      },
      error: () => this.notices.say('errors.unexpected'),
    });
  }
}

import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { NotificationItem } from '@impact/contracts';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import { filter } from 'rxjs';
import { LocaleDatePipe } from '../core/i18n/locale.pipes';
import { NotificationsApi } from './data-access/notifications.api';
import { UnreadNotifications } from './unread-notifications';

/** The toolbar's bell: the unread count, and a menu of the latest notifications. */
@Component({
  selector: 'it-notification-bell',
  imports: [MatBadgeModule, MatButtonModule, MatDividerModule, MatIconModule, MatMenuModule, RouterLink, TranslocoPipe, LocaleDatePipe],
  template: `
    <button
      mat-icon-button
      type="button"
      class="it-bell"
      data-testid="notification-bell"
      [matMenuTriggerFor]="menu"
      [attr.aria-label]="'notifications.bell' | transloco: { count: state.unread() }"
      (menuOpened)="state.refresh()"
    >
      <mat-icon
        aria-hidden="true"
        [matBadge]="state.unread() > 99 ? '99+' : state.unread()"
        [matBadgeHidden]="state.unread() === 0"
        matBadgeColor="warn"
        matBadgeSize="small"
        [matBadgeDescription]="''"
        >notifications</mat-icon
      >
    </button>
    <mat-menu #menu="matMenu" xPosition="before" class="it-bell-menu">
      <div class="it-bell-head" role="none">{{ 'notifications.unreadCount' | transloco: { count: state.unread() } }}</div>
      <mat-divider />
      @for (item of state.latest(); track item.id) {
        <a mat-menu-item [routerLink]="item.link" (click)="open(item)" [class.it-unread]="!item.readAt">
          <mat-icon aria-hidden="true">{{ item.readAt ? 'notifications_none' : 'notifications_active' }}</mat-icon>
          <span class="it-bell-item">
            <span class="it-bell-title"
              ><bdi>{{ item.title }}</bdi></span
            >
            <span class="it-bell-date">{{ item.createdAt | itDate: 'short' }}</span>
          </span>
        </a>
      } @empty {
        <div class="it-bell-empty" role="none">{{ 'notifications.empty.none' | transloco }}</div>
      }
      <mat-divider />
      <a mat-menu-item routerLink="/notifications">
        <mat-icon aria-hidden="true">list</mat-icon>
        <span>{{ 'notifications.seeAll' | transloco }}</span>
      </a>
    </mat-menu>
  `,
  styles: `
    .it-bell-head,
    .it-bell-empty {
      padding-block: 8px;
      padding-inline: 16px;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .it-bell-item {
      display: flex;
      flex-direction: column;
      max-inline-size: 280px;
    }
    .it-bell-title {
      white-space: normal;
      line-height: 1.3;
    }
    .it-bell-date {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .it-unread .it-bell-title {
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationBell {
  protected readonly state = inject(UnreadNotifications);
  private readonly api = inject(NotificationsApi);

  constructor() {
    const destroyRef = inject(DestroyRef);
    this.state.start(destroyRef);
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe(() => this.state.refresh());
  }

  /** Following a notification reads it. */
  protected open(item: NotificationItem): void {
    if (item.readAt) return;
    this.api.markRead({ ids: [item.id] }).subscribe({ next: () => this.state.refresh(), error: () => undefined });
  }
}

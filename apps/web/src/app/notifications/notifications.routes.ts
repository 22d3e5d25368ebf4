import { MatPaginatorIntl } from '@angular/material/paginator';
import { Route } from '@angular/router';
import { TranslatedPaginatorIntl } from '../core/i18n/paginator-intl';

export const NOTIFICATIONS_ROUTES: Route[] = [
  {
    path: '',
    providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
    loadComponent: () => import('./notifications.page').then((m) => m.NotificationsPage),
  },
  {
    path: 'settings',
    title: 'notifications.settings.title',
    loadComponent: () => import('./notification-settings.page').then((m) => m.NotificationSettingsPage),
  },
];

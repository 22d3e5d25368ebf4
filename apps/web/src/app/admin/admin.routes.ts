import { MatPaginatorIntl } from '@angular/material/paginator';
import { Route } from '@angular/router';
import { TranslatedPaginatorIntl } from '../core/i18n/paginator-intl';

export const ADMIN_ROUTES: Route[] = [
  {
    path: 'outbox',
    title: 'outbox.title',
    providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
    loadComponent: () => import('./outbox.page').then((m) => m.OutboxPage),
  },
];

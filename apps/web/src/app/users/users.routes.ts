import { MatPaginatorIntl } from '@angular/material/paginator';
import { Route } from '@angular/router';
import { TranslatedPaginatorIntl } from '../core/i18n/paginator-intl';

export const USERS_ROUTES: Route[] = [
  {
    path: '',
    // Provided here, not at the root, so the paginator stays out of the initial bundle.
    providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
    loadComponent: () => import('./users.page').then((m) => m.UsersPage),
  },
];

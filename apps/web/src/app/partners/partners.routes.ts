import { MatPaginatorIntl } from '@angular/material/paginator';
import { Route } from '@angular/router';
import { TranslatedPaginatorIntl } from '../core/i18n/paginator-intl';

export const PARTNERS_ROUTES: Route[] = [
  {
    path: '',
    providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
    loadComponent: () => import('./partners.page').then((m) => m.PartnersPage),
  },
];

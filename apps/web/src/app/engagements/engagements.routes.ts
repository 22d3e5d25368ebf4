import { MatPaginatorIntl } from '@angular/material/paginator';
import { Route } from '@angular/router';
import { TranslatedPaginatorIntl } from '../core/i18n/paginator-intl';

export const ENGAGEMENTS_ROUTES: Route[] = [
  {
    path: '',
    providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
    loadComponent: () => import('./engagements.page').then((m) => m.EngagementsPage),
  },
];

import { MatPaginatorIntl } from '@angular/material/paginator';
import { Route } from '@angular/router';
import { TranslatedPaginatorIntl } from '../core/i18n/paginator-intl';

export const ENGAGEMENTS_ROUTES: Route[] = [
  {
    path: '',
    providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
    children: [
      { path: '', loadComponent: () => import('./engagements.page').then((m) => m.EngagementsPage) },
      {
        path: ':id',
        title: 'engagementPage.pageTitle',
        loadComponent: () => import('./engagement.page').then((m) => m.EngagementPage),
      },
    ],
  },
];

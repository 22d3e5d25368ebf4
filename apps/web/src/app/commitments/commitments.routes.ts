import { MatPaginatorIntl } from '@angular/material/paginator';
import { Route } from '@angular/router';
import { TranslatedPaginatorIntl } from '../core/i18n/paginator-intl';

export const COMMITMENTS_ROUTES: Route[] = [
  {
    path: '',
    providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
    children: [
      { path: '', loadComponent: () => import('./commitments.page').then((m) => m.CommitmentsPage) },
      { path: ':id', title: 'commitments.pageTitle', loadComponent: () => import('./commitment.page').then((m) => m.CommitmentPage) },
    ],
  },
];

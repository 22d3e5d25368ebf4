import { MatPaginatorIntl } from '@angular/material/paginator';
import { Route } from '@angular/router';
import { TranslatedPaginatorIntl } from '../core/i18n/paginator-intl';

export const CITIES_ROUTES: Route[] = [
  {
    path: '',
    providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
    children: [
      { path: '', loadComponent: () => import('./cities.page').then((m) => m.CitiesPage) },
      { path: ':id', title: 'cities.pageTitle', loadComponent: () => import('./city.page').then((m) => m.CityPage) },
    ],
  },
];

import { inject } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { CanActivateFn, Route, Router } from '@angular/router';
import { AuthService } from '../core/auth/auth.service';
import { TranslatedPaginatorIntl } from '../core/i18n/paginator-intl';
import { importableEntities } from './import-rules';

/** The page is for roles that may import something (the permission table decides); others go to the dashboard. */
export const mayImportSomething: CanActivateFn = () =>
  importableEntities(inject(AuthService).role()).length > 0 ? true : inject(Router).createUrlTree(['/dashboard']);

export const IMPORTS_ROUTES: Route[] = [
  {
    path: '',
    canActivate: [mayImportSomething],
    providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
    loadComponent: () => import('./imports.page').then((m) => m.ImportsPage),
  },
];

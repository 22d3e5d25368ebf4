import { Route } from '@angular/router';

export const MY_WORK_ROUTES: Route[] = [{ path: '', loadComponent: () => import('./my-work.page').then((m) => m.MyWorkPage) }];

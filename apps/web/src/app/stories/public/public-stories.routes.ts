import { Route } from '@angular/router';

/** The public page: no sign-in, its own light layout. */
export const PUBLIC_STORIES_ROUTES: Route[] = [
  {
    path: '',
    loadComponent: () => import('./public-layout').then((m) => m.PublicLayout),
    children: [
      { path: '', title: 'stories.public.title', loadComponent: () => import('./public-stories.page').then((m) => m.PublicStoriesPage) },
      { path: ':id', title: 'stories.public.title', loadComponent: () => import('./public-story.page').then((m) => m.PublicStoryPage) },
    ],
  },
];

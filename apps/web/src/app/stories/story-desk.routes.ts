import { Route } from '@angular/router';

/** The staff story desk (signed in): the list, a new story, one story. */
export const STORY_DESK_ROUTES: Route[] = [
  { path: '', loadComponent: () => import('./story-desk.page').then((m) => m.StoryDeskPage) },
  { path: 'new', title: 'stories.editor.newTitle', loadComponent: () => import('./story-editor.page').then((m) => m.StoryEditorPage) },
  { path: ':id', loadComponent: () => import('./story-editor.page').then((m) => m.StoryEditorPage) },
];

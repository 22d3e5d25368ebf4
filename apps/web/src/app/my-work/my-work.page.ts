import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CanDirective } from '../core/auth/can.directive';
import { EmptyState } from '../shared/ui/empty-state';
import { PageHeader } from '../shared/ui/page-header';

/** Nothing recorded here yet: say so, and point to the next useful place. */
@Component({
  selector: 'it-my-work-page',
  imports: [CanDirective, EmptyState, MatButtonModule, PageHeader, RouterLink, TranslocoPipe],
  template: `
    <it-page-header [heading]="'nav.myWork' | transloco" />
    <it-empty-state
      icon="task_alt"
      [heading]="'pages.myWork.emptyTitle' | transloco"
      [body]="'pages.myWork.emptyBody' | transloco"
    >
      <a *itCan="'read'; on: 'followUps'" mat-stroked-button routerLink="/follow-ups">{{ 'pages.myWork.action' | transloco }}</a>
    </it-empty-state>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyWorkPage {}

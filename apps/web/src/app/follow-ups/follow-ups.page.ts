import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CanDirective } from '../core/auth/can.directive';
import { EmptyState } from '../shared/ui/empty-state';
import { PageHeader } from '../shared/ui/page-header';

/** Nothing recorded here yet: say so, and point to the next useful place. */
@Component({
  selector: 'it-follow-ups-page',
  imports: [CanDirective, EmptyState, MatButtonModule, PageHeader, RouterLink, TranslocoPipe],
  template: `
    <it-page-header [heading]="'nav.followUps' | transloco" />
    <it-empty-state
      icon="event_upcoming"
      [heading]="'pages.followUps.emptyTitle' | transloco"
      [body]="'pages.followUps.emptyBody' | transloco"
    >
      <a *itCan="'read'; on: 'commitments'" mat-stroked-button routerLink="/commitments">{{ 'pages.followUps.action' | transloco }}</a>
    </it-empty-state>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowUpsPage {}

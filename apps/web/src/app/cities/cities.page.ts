import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CanDirective } from '../core/auth/can.directive';
import { EmptyState } from '../shared/ui/empty-state';
import { PageHeader } from '../shared/ui/page-header';

/** Nothing recorded here yet: say so, and point to the next useful place. */
@Component({
  selector: 'it-cities-page',
  imports: [CanDirective, EmptyState, MatButtonModule, PageHeader, RouterLink, TranslocoPipe],
  template: `
    <it-page-header [heading]="'nav.cities' | transloco" />
    <it-empty-state
      icon="location_city"
      [heading]="'pages.cities.emptyTitle' | transloco"
      [body]="'pages.cities.emptyBody' | transloco"
    >
      <a *itCan="'read'; on: 'engagements'" mat-stroked-button routerLink="/engagements">{{ 'pages.cities.action' | transloco }}</a>
    </it-empty-state>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CitiesPage {}

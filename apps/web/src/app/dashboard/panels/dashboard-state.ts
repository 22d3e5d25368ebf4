import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { EmptyState } from '../../shared/ui/empty-state';

/**
 * The dashboard when its figures could not be loaded (with a retry) or when there is nothing to show
 * yet (with a door to the engagements). Loaded only in those cases: its buttons' code stays off the
 * figures' first paint.
 */
@Component({
  selector: 'it-dashboard-state',
  imports: [EmptyState, MatButtonModule, RouterLink, TranslocoPipe],
  template: `
    @if (kind() === 'error') {
      <it-empty-state icon="error" [heading]="'dashboard.error' | transloco">
        <button mat-stroked-button type="button" (click)="retry()()">{{ 'common.retry' | transloco }}</button>
      </it-empty-state>
    } @else {
      <it-empty-state icon="insights" [heading]="'pages.dashboard.emptyTitle' | transloco" [body]="'pages.dashboard.emptyBody' | transloco">
        <a mat-stroked-button routerLink="/engagements">{{ 'pages.dashboard.action' | transloco }}</a>
      </it-empty-state>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardState {
  readonly kind = input.required<'error' | 'empty'>();
  /** Asks for the figures again (the error state's button). */
  readonly retry = input<() => void>(() => undefined);
}

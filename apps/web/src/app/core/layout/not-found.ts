import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { EmptyState } from '../../shared/ui/empty-state';
import { PageHeader } from '../../shared/ui/page-header';

@Component({
  selector: 'it-not-found',
  imports: [EmptyState, PageHeader, MatButtonModule, RouterLink, TranslocoPipe],
  template: `
    <it-page-header [heading]="'notFound.title' | transloco" />
    <it-empty-state icon="explore_off" [heading]="'notFound.heading' | transloco" [body]="'notFound.body' | transloco">
      <a mat-flat-button routerLink="/dashboard">{{ 'notFound.action' | transloco }}</a>
    </it-empty-state>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFound {}

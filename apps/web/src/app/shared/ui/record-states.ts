import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, Resource, Signal, computed, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { EmptyState } from './empty-state';

/**
 * The record a page's route names, read again when the id changes: a resource (for `it-record-states`,
 * `reload` and `set`) with `current`, the record once it is there (null while loading or failed).
 */
export function routeRecord<T>(id: () => string, load: (id: string) => Observable<T>) {
  const resource = rxResource({ params: id, stream: ({ params }) => load(params) });
  const current: Signal<T | null> = computed(() => (resource.hasValue() ? resource.value() : null));
  return Object.assign(resource, { current });
}

/**
 * The top of a page about one record: the way back to its list, then, until the record is there,
 * loading, "not found" (also when out of reach: a 403 or 404 says the same) or "could not load" with retry.
 */
@Component({
  selector: 'it-record-states',
  imports: [EmptyState, MatButtonModule, MatIconModule, MatProgressBarModule, RouterLink, TranslocoPipe],
  template: `
    <nav class="it-back" [attr.aria-label]="'common.breadcrumb' | transloco">
      <a [routerLink]="back()"><mat-icon aria-hidden="true" class="it-flip-rtl">arrow_back</mat-icon>{{ texts().back | transloco }}</a>
    </nav>
    @if (resource().isLoading() && !resource().hasValue()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    @if (resource().error()) {
      @if (notFound()) {
        <it-empty-state icon="search_off" [heading]="texts().notFound | transloco" [body]="texts().notFoundBody | transloco">
          <a mat-stroked-button [routerLink]="back()">{{ texts().back | transloco }}</a>
        </it-empty-state>
      } @else {
        <it-empty-state icon="cloud_off" [heading]="'list.loadFailed' | transloco" [body]="'list.loadFailedBody' | transloco">
          <button mat-stroked-button type="button" (click)="resource().reload()">{{ 'common.retry' | transloco }}</button>
        </it-empty-state>
      }
    }
  `,
  styles: `
    .it-back a {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      text-decoration: none;
      margin-block-end: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordStates {
  /** The record as it loads (a resource that can reload). */
  readonly resource = input.required<Resource<unknown> & { reload(): unknown }>();
  /** The list the record belongs to. */
  readonly back = input.required<string>();
  /** Translation keys: the list's name, and what to say when the record is not there. */
  readonly texts = input.required<{ back: string; notFound: string; notFoundBody: string }>();

  protected readonly notFound = computed(() => {
    const e = this.resource().error();
    return e instanceof HttpErrorResponse && (e.status === 404 || e.status === 403);
  });
}

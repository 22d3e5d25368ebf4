import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ListQuery } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { EmptyState } from '../ui/empty-state';
import { RecordList } from './list-state';

/** Words of a list's states that a page may say its own way (translated); the rest are the lists' common ones. */
export interface ListStateTexts {
  failedHeading?: string;
  failedBody?: string;
  noMatchHeading?: string;
  noMatchBody?: string;
  clearLabel?: string;
}

/**
 * The designed states of a list: loading (first load), error (with retry), forbidden, nothing yet
 * (with the next step projected), nothing matching (with "clear filters"). Given a record `list`, the
 * states follow it and retry and clear act on it; otherwise the inputs and outputs say and hear them.
 */
@Component({
  selector: 'it-list-states',
  imports: [EmptyState, MatButtonModule, TranslocoPipe],
  template: `
    @if (failure()) {
      @if (status() === 403) {
        <it-empty-state icon="block" [heading]="'errors.forbidden' | transloco" />
      } @else {
        <it-empty-state
          icon="cloud_off"
          [heading]="texts().failedHeading ?? ('list.loadFailed' | transloco)"
          [body]="texts().failedBody ?? ('list.loadFailedBody' | transloco)"
        >
          <button mat-stroked-button type="button" (click)="onRetry()">{{ 'common.retry' | transloco }}</button>
        </it-empty-state>
      }
    } @else if (isLoading() && isEmpty()) {
      <div class="it-skeleton" aria-hidden="true">
        @for (row of rows; track row) {
          <div class="it-skeleton-row"></div>
        }
      </div>
      <p class="it-visually-hidden" role="status">{{ 'common.loading' | transloco }}</p>
    } @else if (isEmpty()) {
      @if (isNarrowed()) {
        <it-empty-state
          [icon]="noMatchIcon()"
          [heading]="texts().noMatchHeading ?? ('list.noMatch' | transloco)"
          [body]="texts().noMatchBody ?? ('list.noMatchBody' | transloco)"
        >
          <button mat-stroked-button type="button" (click)="onClear()">
            {{ texts().clearLabel ?? ('list.clearFilters' | transloco) }}
          </button>
        </it-empty-state>
      } @else {
        <it-empty-state [icon]="icon()" [heading]="emptyHeading()" [body]="emptyBody()"><ng-content /></it-empty-state>
      }
    }
  `,
  styles: `
    .it-skeleton {
      padding: 16px;
      display: grid;
      gap: 12px;
    }
    .it-skeleton-row {
      block-size: 20px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-high);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListStates {
  readonly list = input<RecordList<ListQuery, unknown>>();
  readonly loading = input(false);
  readonly error = input<unknown>(undefined);
  readonly empty = input(false);
  readonly narrowed = input(false);
  readonly icon = input('inbox');
  readonly emptyHeading = input.required<string>();
  readonly emptyBody = input('');
  readonly noMatchIcon = input('filter_alt_off');
  readonly texts = input<ListStateTexts>({});
  readonly retry = output<void>();
  readonly clear = output<void>();
  protected readonly rows = [1, 2, 3, 4, 5];
  protected readonly failure = computed(() => this.list()?.result.error() ?? this.error());
  protected readonly isLoading = computed(() => this.list()?.result.isLoading() ?? this.loading());
  protected readonly isEmpty = computed(() => {
    const list = this.list();
    return list ? list.items().length === 0 : this.empty();
  });
  protected readonly isNarrowed = computed(() => this.list()?.narrowed() ?? this.narrowed());

  protected onRetry(): void {
    this.list()?.result.reload();
    this.retry.emit();
  }
  protected onClear(): void {
    this.list()?.clear();
    this.clear.emit();
  }

  protected status(): number | null {
    const e = this.failure();
    return e instanceof HttpErrorResponse ? e.status : null;
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import { DashboardFilters } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { HubNames } from '../../shared/ui/hub-name';

export const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** `?hubId=all`: every hub, said out loud (a hub manager's own hub is the default otherwise). */
export const ALL_HUBS = 'all';

/** The dashboard's hub and date range (in the URL), and printing. */
@Component({
  selector: 'it-dashboard-filters',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, TranslocoPipe],
  template: `
    <form class="filters" role="search" [attr.aria-label]="'dashboard.filters.label' | transloco" (submit)="$event.preventDefault()">
      @if (hubFilter()) {
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'dashboard.filters.hub' | transloco }}</mat-label>
          <mat-select [value]="hubChoice()" (selectionChange)="set({ hubId: $event.value })" data-testid="hub-filter">
            <mat-option value="all">{{ 'dashboard.filters.allHubs' | transloco }}</mat-option>
            @for (hub of hubs(); track hub.id) {
              <mat-option [value]="hub.id"
                ><bdi>{{ hub.name }}</bdi></mat-option
              >
            }
          </mat-select>
        </mat-form-field>
      }
      <!-- The range's two ends; each keeps the other on its side of the range. -->
      @for (end of ends; track end) {
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'dashboard.filters.' + end | transloco }}</mat-label>
          <input
            matInput
            type="date"
            [value]="filters()[end] ?? ''"
            [attr.min]="end === 'to' ? (filters().from ?? '') : null"
            [attr.max]="end === 'from' ? (filters().to ?? '') : null"
            (change)="setDate(end, $any($event.target).value)"
          />
        </mat-form-field>
      }
      @if (filters().from || filters().to) {
        <button mat-stroked-button type="button" (click)="set({ from: null, to: null })">
          {{ 'dashboard.filters.allTime' | transloco }}
        </button>
      }
      <span class="spacer"></span>
      <button mat-stroked-button type="button" (click)="print()">
        <mat-icon aria-hidden="true">print</mat-icon>{{ 'dashboard.print' | transloco }}
      </button>
    </form>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      margin-block-end: 8px;
    }
    .spacer {
      flex: 1;
    }
    @media print {
      .filters {
        display: none;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardFiltersBar {
  private readonly router = inject(Router);
  readonly filters = input.required<DashboardFilters>();
  private readonly hubNames = inject(HubNames);
  protected readonly hubs = this.hubNames.applicable;
  protected readonly hubFilter = this.hubNames.filterApplies;
  protected readonly hubChoice = computed(() => this.filters().hubId ?? ALL_HUBS);
  protected readonly ends = ['from', 'to'] as const;

  protected setDate(key: 'from' | 'to', value: string): void {
    this.set({ [key]: DAY.test(value) ? value : null });
  }

  protected set(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge' });
  }

  protected print(): void {
    window.print();
  }
}

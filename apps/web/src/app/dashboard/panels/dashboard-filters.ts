import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import { DashboardFilters } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language.service';
import { fromIsoDate, toIsoDate } from '../../shared/forms/dates';
import { LOCALE_DATE_PROVIDERS } from '../../shared/forms/locale-date-adapter';
import { exampleDay } from '../../shared/forms/strict-date';
import { HubNames } from '../../shared/ui/hub-name';
import { ALL_HUBS } from '../dashboard-query';
import { rangeProblems, rangeToApply } from './date-range';

/** The dashboard's hub and date range (in the URL), and printing. */
@Component({
  selector: 'it-dashboard-filters',
  imports: [
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  providers: [LOCALE_DATE_PROVIDERS],
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
      <!-- The range's two ends, in the forms' locale datepicker: applied once a whole, valid day is typed or picked. -->
      @for (end of ends; track end) {
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="day">
          <mat-label>{{ 'dashboard.filters.' + end | transloco }}</mat-label>
          <input
            matInput
            [formControl]="range[end]"
            [matDatepicker]="picker"
            [placeholder]="'dashboard.filters.format' | transloco: { example: example() }"
            autocomplete="off"
            [attr.data-testid]="'range-' + end"
            (dateChange)="apply()"
            (keydown.enter)="apply()"
          />
          <mat-datepicker-toggle matIconSuffix [for]="picker" [attr.aria-label]="'form.openCalendar' | transloco" />
          <mat-datepicker #picker />
          <mat-error [attr.data-testid]="'range-' + end + '-error'">
            @if (range[end].hasError('dateOrder')) {
              {{ 'dashboard.filters.orderError' | transloco }}
            } @else {
              {{ 'dashboard.filters.dateError' | transloco: { example: example() } }}
            }
          </mat-error>
        </mat-form-field>
      }
      @if (filters().from || filters().to) {
        <button mat-stroked-button type="button" (click)="clearRange()">
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
    .day {
      inline-size: 11.5rem;
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
  /** The range's ends as typed; the end keeps a "before the start" error of its own. */
  private readonly fromDay = new FormControl<Date | null>(null);
  protected readonly range: Record<'from' | 'to', FormControl<Date | null>> = {
    from: this.fromDay,
    to: new FormControl<Date | null>(null, (c) => (rangeProblems(this.fromDay.value, c.value).to === 'order' ? { dateOrder: true } : null)),
  };
  private readonly language = inject(LanguageService);
  /** A day as the fields show one, for the error message ("for example 31/12/2026"). */
  protected readonly example = computed(() => exampleDay(this.language.locale()));

  constructor() {
    // The URL is the truth: a range set elsewhere (back, "All time", a link) shows in the fields.
    // A field already showing that day is left alone, so text being typed in the other end survives.
    effect(() => {
      const f = this.filters();
      for (const end of this.ends) {
        const control = this.range[end];
        if (toIsoDate(control.value) !== (f[end] ?? null)) control.setValue(fromIsoDate(f[end]));
      }
      this.range.to.updateValueAndValidity();
    });
  }

  /** On a picked day, or a typed one once the field is left or Enter pressed: the range, if whole and in order. */
  protected apply(): void {
    this.range.to.updateValueAndValidity();
    this.range.from.markAsTouched();
    this.range.to.markAsTouched();
    if (this.range.from.invalid || this.range.to.invalid) return;
    const next = rangeToApply(this.range.from.value, this.range.to.value, this.filters());
    if (next) this.set(next);
  }

  protected clearRange(): void {
    this.range.from.reset();
    this.range.to.reset();
    this.set({ from: null, to: null });
  }

  protected set(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge' });
  }

  protected print(): void {
    window.print();
  }
}

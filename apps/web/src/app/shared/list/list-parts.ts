import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  computed,
  effect,
  inject,
  input,
  model,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { ListQuery, MAX_LENGTH } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { fromIsoDate, toIsoDate } from '../forms/dates';
import { FieldErrorPipe } from '../forms/field-error.pipe';
import { FIELD_STYLES } from '../forms/fields';
import { LOCALE_DATE_PROVIDERS } from '../forms/locale-date-adapter';
import { ListState } from './list-state';
import { HubNames } from '../ui/hub-name';

/** The list's search box; the list state debounces what is typed. */
@Component({
  selector: 'it-search-box',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslocoPipe],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="it-search">
      <mat-label>{{ label() }}</mat-label>
      <mat-icon matPrefix aria-hidden="true">search</mat-icon>
      <input
        matInput
        type="search"
        dir="auto"
        autocomplete="off"
        [attr.maxlength]="maxLength"
        [value]="value()"
        (input)="value.set($any($event.target).value)"
      />
      @if (value()) {
        <button mat-icon-button matSuffix type="button" [attr.aria-label]="'list.clearSearch' | transloco" (click)="value.set('')">
          <mat-icon aria-hidden="true">close</mat-icon>
        </button>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
      flex: 1 1 240px;
      max-inline-size: 420px;
    }
    .it-search {
      inline-size: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchBox {
  readonly label = input.required<string>();
  readonly value = model('');
  protected readonly maxLength = MAX_LENGTH.search;
}

/** Exports the list as it is filtered; shows progress and says when it failed. */
@Component({
  selector: 'it-csv-button',
  imports: [MatButtonModule, MatIconModule, MatProgressSpinnerModule, TranslocoPipe],
  template: `
    <button mat-stroked-button type="button" [disabled]="busy()" (click)="run()">
      @if (busy()) {
        <mat-progress-spinner diameter="18" mode="indeterminate" aria-hidden="true" />
      } @else {
        <mat-icon aria-hidden="true">download</mat-icon>
      }
      {{ 'list.exportCsv' | transloco }}
    </button>
    @if (failed()) {
      <span class="it-csv-error" role="alert">{{ 'list.exportFailed' | transloco }}</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 8px;
    }
    .it-csv-error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    mat-progress-spinner {
      margin-inline-end: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CsvButton {
  readonly export = input.required<() => Observable<void>>();
  protected readonly busy = signal(false);
  protected readonly failed = signal(false);

  protected run(): void {
    this.busy.set(true);
    this.failed.set(false);
    this.export()().subscribe({
      next: () => this.busy.set(false),
      error: () => {
        this.busy.set(false);
        this.failed.set(true);
      },
    });
  }
}

/**
 * One filter of a list: "Any" plus either translated enum values (`options` with a `labelKey` prefix)
 * or named records (`refs`, e.g. hubs). Emits the picked value, or null for "Any".
 */
@Component({
  selector: 'it-filter-select',
  imports: [MatFormFieldModule, MatSelectModule, TranslocoPipe],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <mat-select [value]="value() ?? null" (selectionChange)="picked.emit($event.value)">
        <mat-option [value]="null">{{ anyLabel() ?? ('list.any' | transloco) }}</mat-option>
        @for (option of options(); track option) {
          <mat-option [value]="option">{{ labelKey() + option | transloco }}</mat-option>
        }
        @for (ref of refs(); track ref.id) {
          <mat-option [value]="ref.id">{{ ref.name }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: FIELD_STYLES,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FilterSelect {
  readonly label = input.required<string>();
  readonly value = input<unknown>(null);
  readonly options = input<readonly string[]>([]);
  /** Translation-key prefix of the options, e.g. `enums.engagementType.`. */
  readonly labelKey = input('');
  readonly refs = input<readonly { id: string; name: string }[]>([]);
  /** The label of "no filter" (default: "Any"). */
  readonly anyLabel = input<string>();
  readonly picked = output<string | null>();
}

/**
 * A date filter of a list: a calendar field that emits the picked day as `YYYY-MM-DD` (null when
 * cleared). A half-typed or impossible day is not applied: the field says what a whole one looks like.
 */
@Component({
  selector: 'it-date-filter',
  imports: [FieldErrorPipe, MatDatepickerModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslocoPipe],
  providers: [LOCALE_DATE_PROVIDERS],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <input matInput [formControl]="control" [matDatepicker]="picker" (dateChange)="changed($event.value)" autocomplete="off" />
      <mat-datepicker-toggle matIconSuffix [for]="picker" [attr.aria-label]="'form.openCalendar' | transloco" />
      <mat-datepicker #picker />
      <mat-error>{{ control | itFieldError }}</mat-error>
    </mat-form-field>
  `,
  styles: FIELD_STYLES,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DateFilter {
  readonly label = input.required<string>();
  /** The day as the URL holds it, `YYYY-MM-DD`. */
  readonly value = input<string | null | undefined>(null);
  readonly picked = output<string | null>();
  protected readonly control = new FormControl<Date | null>(null);

  constructor() {
    // The URL is the truth: a day set elsewhere (back, a link, "clear") shows in the field, unless the
    // field already shows that day.
    effect(() => {
      const day = this.value() ?? null;
      if (toIsoDate(this.control.value) !== day || (day === null && this.control.invalid)) {
        untracked(() => this.control.setValue(fromIsoDate(day)));
      }
    });
  }

  protected changed(value: Date | null): void {
    if (value && Number.isNaN(value.getTime())) return;
    const day = toIsoDate(value);
    if (day !== (this.value() ?? null)) this.picked.emit(day);
  }
}

/** One filter control of a list, over a filter of its `ListConfig` (labels are translation keys). */
export type FilterControl =
  | { kind: 'hub'; key: string; label: string; any?: string }
  | { kind: 'select'; key: string; label: string; options: readonly string[]; labelKey: string; any?: string }
  | { kind: 'date'; key: string; label: string }
  | { kind: 'flag'; key: string; label: string };

/** Every record list narrows by hub (`hubId`). */
export const HUB_FILTER = { kind: 'hub', key: 'hubId', label: 'fields.hub' } as const satisfies FilterControl;

/** A record kind's workflow status (`status`), its values' labels under `status.<kind>.`. */
export function statusFilter(kind: 'commitment' | 'followUp', options: readonly string[]): FilterControl {
  return { kind: 'select', key: 'status', label: 'fields.status', options, labelKey: `status.${kind}.` };
}

/** A date range (`from`, `to`). */
export const DATE_RANGE_FILTERS: FilterControl[] = [
  { kind: 'date', key: 'from', label: 'list.from' },
  { kind: 'date', key: 'to', label: 'list.to' },
];

/** The filter controls of a list, each bound to its filter in the URL; they sit in the row of the parent's filters. */
@Component({
  selector: 'it-list-filters',
  imports: [DateFilter, FilterSelect, MatCheckboxModule, TranslocoPipe],
  template: `
    @for (control of shown(); track control.key) {
      @switch (control.kind) {
        @case ('hub') {
          <it-filter-select
            class="it-filter"
            [label]="control.label | transloco"
            [value]="list().value(control.key)"
            [refs]="hubs()"
            [anyLabel]="control.any ? (control.any | transloco) : undefined"
            (picked)="list().pick(control.key, $event)"
          />
        }
        @case ('select') {
          <it-filter-select
            class="it-filter"
            [label]="control.label | transloco"
            [value]="list().value(control.key)"
            [options]="control.options"
            [labelKey]="control.labelKey"
            [anyLabel]="control.any ? (control.any | transloco) : undefined"
            (picked)="list().pick(control.key, $event)"
          />
        }
        @case ('date') {
          <it-date-filter
            class="it-filter"
            [label]="control.label | transloco"
            [value]="$any(list().value(control.key))"
            (picked)="list().pick(control.key, $event)"
          />
        }
        @case ('flag') {
          <mat-checkbox [checked]="!!list().value(control.key)" (change)="list().pick(control.key, $event.checked)">{{
            control.label | transloco
          }}</mat-checkbox>
        }
      }
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    .it-filter {
      inline-size: 180px;
    }
    /* On a phone the filters sit two to a row. */
    @media (max-width: 839.98px) {
      .it-filter {
        inline-size: calc(50% - 6px);
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListFilters {
  private readonly injector = inject(Injector);
  readonly list = input.required<ListState<ListQuery>>();
  readonly controls = input.required<readonly FilterControl[]>();
  /** The hubs in the reader's language, fetched only for a list that filters by hub. */
  protected readonly hubs = computed(() => (this.controls().some((c) => c.kind === 'hub') ? this.injector.get(HubNames).applicable() : []));
  /** The controls this user can use: no hub filter for a liaison, whose cities decide the hub. */
  protected readonly shown = computed(() => {
    const controls = this.controls();
    return controls.some((c) => c.kind === 'hub') && !this.injector.get(HubNames).filterApplies()
      ? controls.filter((c) => c.kind !== 'hub')
      : controls;
  });
}

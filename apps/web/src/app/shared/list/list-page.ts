import { FilterChip, FilterChips } from './filter-chips';
import { BreakpointObserver } from '@angular/cdk/layout';
import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Directive,
  TemplateRef,
  booleanAttribute,
  computed,
  contentChild,
  contentChildren,
  inject,
  input,
  output,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { ListQuery, Resource } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { CanDirective } from '../../core/auth/can.directive';
import { PageHeader } from '../ui/page-header';
import { CsvButton, FilterControl, ListFilters, SearchBox } from './list-parts';
import { ListStates } from './list-states';
import { PAGE_SIZES, RecordList } from './list-state';

/**
 * One column of a list page's table; the template is the cell, its context the row:
 * `<ng-template itColumn="title" [header]="'fields.title' | transloco" sortable let-row>…</ng-template>`.
 * Columns show in the order they are written.
 */
@Directive({ selector: 'ng-template[itColumn]' })
export class ListColumn {
  readonly name = input.required<string>({ alias: 'itColumn' });
  readonly header = input.required<string>();
  /** On the API's sort allow-list: the header sorts. */
  readonly sortable = input(false, { transform: booleanAttribute });
  /** The header is for screen readers only (a column of row actions). */
  readonly actions = input(false, { transform: booleanAttribute });
  /** Classes of the column's cells (e.g. `it-nowrap`). */
  readonly cellClass = input('');
  readonly template = inject<TemplateRef<{ $implicit: unknown }>>(TemplateRef);
}

/** The body of one record's card, shown instead of the table on a narrow screen: `<ng-template itCard let-row>`. */
@Directive({ selector: 'ng-template[itCard]' })
export class ListCard {
  readonly template = inject<TemplateRef<{ $implicit: unknown }>>(TemplateRef);
}

/** Where a list turns from a table into cards. */
const CARDS_BELOW = { phone: '(max-width: 839.98px)', tablet: '(max-width: 959.98px)' } as const;

/** What a list page shows around its rows. Words are translation keys. */
export interface ListView {
  heading: string;
  search: string;
  /** The table's caption, for screen readers. */
  caption: string;
  emptyIcon: string;
  emptyTitle: string;
  emptyBody: string;
  /** The filter controls after the search box. */
  controls?: readonly FilterControl[];
  /** "Add …" in the heading for those the permission table lets create (`resource`); also the empty list's next step, unless it has an `emptyLink`. */
  add?: { label: string; icon?: string; resource?: Resource };
  /** The empty list's next step on another page. */
  emptyLink?: { label: string; route: string };
  /** Words of the states said the page's own way (`noMatchHeading` may use `{{q}}`, the search). */
  states?: {
    failedHeading?: string;
    failedBody?: string;
    noMatchIcon?: string;
    noMatchHeading?: string;
    noMatchBody?: string;
    clearLabel?: string;
  };
  /** Filters a link sets (a dashboard figure, a record's page), shown as removable chips when set. */
  chips?: readonly FilterChip[];
  /** Cards instead of the table below a phone's width (default) or a tablet's. */
  cardsBelow?: keyof typeof CARDS_BELOW;
}

/** The words a record list keeps under its name (`nav.<name>`, `<name>.search`, `<name>.caption`, `pages.<name>.emptyTitle`/`emptyBody`). */
type NamedWords = 'heading' | 'search' | 'caption' | 'emptyTitle' | 'emptyBody';

/** A record list's view, its words found under its name (e.g. `cities`). */
export function recordListView(name: string, view: Omit<ListView, NamedWords>): ListView {
  const words: Pick<ListView, NamedWords> = {
    heading: `nav.${name}`,
    search: `${name}.search`,
    caption: `${name}.caption`,
    emptyTitle: `pages.${name}.emptyTitle`,
    emptyBody: `pages.${name}.emptyBody`,
  };
  return { ...words, ...view };
}

/**
 * The frame every record list page shares: the heading with the CSV export and "add", the search box
 * and filters, the designed states, the table (`itColumn` templates) or, on a narrow screen, cards
 * (`itCard`), and the paginator. What it says and which filters it offers come from the page's
 * `ListView`; filters, sort and page live in the URL (the `RecordList`). Anything more is projected:
 * `[listActions]` in the heading, `[listFilters]` after the filters.
 */
@Component({
  selector: 'it-list-page',
  imports: [
    CanDirective,
    CsvButton,
    FilterChips,
    ListFilters,
    ListStates,
    MatButtonModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSortModule,
    MatTableModule,
    NgTemplateOutlet,
    PageHeader,
    RouterLink,
    SearchBox,
    TranslocoPipe,
  ],
  templateUrl: './list-page.html',
  styleUrl: './list-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListPage<T extends { id: string }> {
  readonly list = input.required<RecordList<ListQuery, T>>();
  readonly view = input.required<ListView>();
  /** Classes of a record's row and card (e.g. a deactivated user's). */
  readonly rowClass = input<(row: T) => Record<string, boolean>>(() => ({}));
  /** "Add …" was chosen. */
  readonly add = output<void>();

  protected readonly columnDefs = contentChildren(ListColumn);
  protected readonly columns = computed(() => this.columnDefs().map((c) => c.name()));
  protected readonly card = contentChild.required(ListCard);
  protected readonly pageSizes = PAGE_SIZES;

  private readonly screens = toSignal(inject(BreakpointObserver).observe(Object.values(CARDS_BELOW)), { initialValue: null });
  protected readonly cards = computed(() => !!this.screens()?.breakpoints[CARDS_BELOW[this.view().cardsBelow ?? 'phone']]);
}

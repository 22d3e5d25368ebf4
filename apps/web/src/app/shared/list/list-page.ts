import { BreakpointObserver } from '@angular/cdk/layout';
import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, Directive, TemplateRef, booleanAttribute, computed, contentChild, contentChildren, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ListQuery } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { PageHeader } from '../ui/page-header';
import { CsvButton, ListStateTexts, ListStates, SearchBox } from './list-parts';
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

/**
 * The frame every record list page shares: the heading with the CSV export and the page's actions
 * (`[listActions]`), the search box and the page's filters (`[listFilters]`), the designed states
 * (the next step when nothing is there yet: `[listEmpty]`), the table (`itColumn` templates) or, on a
 * narrow screen, cards (`itCard`), and the paginator. Filters, sort and page live in the URL (the
 * `RecordList`).
 */
@Component({
  selector: 'it-list-page',
  imports: [
    CsvButton,
    ListStates,
    MatButtonModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSortModule,
    MatTableModule,
    NgTemplateOutlet,
    PageHeader,
    SearchBox,
    TranslocoPipe,
  ],
  templateUrl: './list-page.html',
  styleUrl: './list-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListPage<T extends { id: string }> {
  readonly heading = input.required<string>();
  readonly list = input.required<RecordList<ListQuery, T>>();
  readonly searchLabel = input.required<string>();
  /** The table's caption, for screen readers. */
  readonly caption = input.required<string>();
  readonly emptyIcon = input('inbox');
  readonly emptyHeading = input.required<string>();
  readonly emptyBody = input('');
  readonly stateTexts = input<ListStateTexts>({});
  readonly noMatchIcon = input('filter_alt_off');
  /** Classes of a record's row and card (e.g. a deactivated user's). */
  readonly rowClass = input<(row: T) => Record<string, boolean>>(() => ({}));
  readonly cardsBelow = input<keyof typeof CARDS_BELOW>('phone');

  protected readonly columnDefs = contentChildren(ListColumn);
  protected readonly columns = computed(() => this.columnDefs().map((c) => c.name()));
  protected readonly card = contentChild.required(ListCard);
  protected readonly pageSizes = PAGE_SIZES;

  private readonly screens = toSignal(inject(BreakpointObserver).observe(Object.values(CARDS_BELOW)), { initialValue: null });
  protected readonly cards = computed(() => !!this.screens()?.breakpoints[CARDS_BELOW[this.cardsBelow()]]);
}

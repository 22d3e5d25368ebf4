import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, inject, input, Injector, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule, FormControl } from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Router } from '@angular/router';
import { SEARCH_MIN_CHARS, SearchGroup } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { catchError, concat, debounceTime, distinctUntilChanged, map, of, switchMap, type Observable } from 'rxjs';
import { LanguageService } from '../core/i18n/language.service';
import { LocaleDatePipe } from '../core/i18n/locale.pipes';
import { SearchApi } from './search.api';
import { isSearchShortcut } from './search-shortcut';

/** Typing settles for this long before a request goes out. */
export const SEARCH_BOX_DEBOUNCE_MS = 250;

/** What the panel shows: a hint before enough is typed, then loading, the groups, or an error. */
export type SearchView =
  | { state: 'idle'; q: string }
  | { state: 'loading'; q: string }
  | { state: 'error'; q: string }
  | { state: 'done'; q: string; groups: SearchGroup[]; count: number; more: boolean };

/**
 * The toolbar's search across every kind of record. An ARIA combobox (Material's autocomplete) whose
 * options are grouped by kind; picking one opens its page. On a phone it is an icon button that opens
 * the field across the toolbar. `/` focuses it from anywhere outside a field.
 */
@Component({
  selector: 'it-search-box',
  imports: [MatAutocompleteModule, MatButtonModule, MatIconModule, ReactiveFormsModule, TranslocoPipe, LocaleDatePipe],
  templateUrl: './search-box.html',
  styleUrl: './search-box.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class.it-search-compact]': 'compact()',
    '[class.it-search-expanded]': 'expanded()',
    '(document:keydown)': 'shortcut($event)',
  },
})
export class SearchBox {
  /** A phone: collapsed to an icon button until opened. */
  readonly compact = input(false);
  /** The shortcut was pressed while this box's code was still loading: open once rendered. */
  readonly openAtStart = input(false);

  private readonly api = inject(SearchApi);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly language = inject(LanguageService);
  private readonly field = viewChild<ElementRef<HTMLInputElement>>('field');
  private readonly opener = viewChild('opener', { read: ElementRef<HTMLButtonElement> });
  private readonly trigger = viewChild(MatAutocompleteTrigger);

  protected readonly minChars = SEARCH_MIN_CHARS;
  protected readonly control = new FormControl('', { nonNullable: true });
  protected readonly expanded = signal(false);

  protected readonly view = toSignal(
    this.control.valueChanges.pipe(
      map((value) => (typeof value === 'string' ? value.trim() : '')),
      debounceTime(SEARCH_BOX_DEBOUNCE_MS),
      distinctUntilChanged(),
      // switchMap unsubscribes from the previous request, which cancels it: a stale answer never shows.
      switchMap((q): Observable<SearchView> => (q.length < SEARCH_MIN_CHARS ? of({ state: 'idle', q }) : this.fetch(q))),
    ),
    { initialValue: { state: 'idle', q: '' } as SearchView },
  );

  private fetch(q: string): Observable<SearchView> {
    return concat(
      of<SearchView>({ state: 'loading', q }),
      this.api.search(q).pipe(
        map((answer): SearchView => {
          const groups = answer.groups.filter((group) => group.items.length > 0);
          // A group counted only up to the server's cap makes the sum a lower bound too ("1,000+").
          return {
            state: 'done',
            q,
            groups,
            count: groups.reduce((sum, group) => sum + group.total, 0),
            more: groups.some((group) => group.more),
          };
        }),
        catchError(() => of<SearchView>({ state: 'error', q })),
      ),
    );
  }

  constructor() {
    afterNextRender(() => {
      if (this.openAtStart()) this.open();
    });
  }

  /** `/` outside any field focuses the search (see isSearchShortcut). */
  protected shortcut(event: KeyboardEvent): void {
    if (!isSearchShortcut(event)) return;
    event.preventDefault();
    this.open();
  }

  /** Opens the field (on a phone) and puts the cursor in it. */
  protected open(): void {
    this.expanded.set(true);
    afterNextRender(() => this.field()?.nativeElement.focus(), { injector: this.injector });
  }

  /** Closes the phone's field and gives focus back to its button. */
  protected close(): void {
    this.trigger()?.closePanel();
    this.control.setValue('');
    this.expanded.set(false);
    if (this.compact()) afterNextRender(() => this.opener()?.nativeElement.focus(), { injector: this.injector });
  }

  protected escape(): void {
    if (this.compact()) this.close();
  }

  protected pick(event: MatAutocompleteSelectedEvent): void {
    const link = event.option.value as string;
    this.control.setValue('');
    this.field()?.nativeElement.blur();
    this.expanded.set(false);
    void this.router.navigateByUrl(link);
  }

  /** A city's subtitle is its ISO country code: its name in the reader's language reads better. */
  protected country(code: string): string {
    try {
      return new Intl.DisplayNames([this.language.locale()], { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  }

  /** The input keeps what was typed; an option's value is its link. */
  protected readonly display = (): string => this.control.value;
}

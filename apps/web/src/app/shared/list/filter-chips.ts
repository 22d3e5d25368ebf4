import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { ROUTES } from '@impact/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Observable, catchError, forkJoin, map, of } from 'rxjs';
import { API } from '../../core/http/api';
import { LanguageService } from '../../core/i18n/language.service';
import { formatDate } from '../../core/i18n/locale.pipes';
import { isolate } from '../ui/isolate.pipe';
import { ListState, ListValue } from './list-state';

/**
 * A filter a link sets (a dashboard figure, a record's page) that the list shows as a removable chip:
 * a record by id (`city`, `owner`, …: its name is fetched, or for an owner read off the rows), a day
 * (`date`), a yes/no (`flag`, the label alone) or a value shown as it is (`text`, e.g. a country code).
 * `label` is a translation key.
 */
export interface FilterChip {
  key: string;
  label: string;
  kind: 'city' | 'engagement' | 'commitment' | 'partner' | 'owner' | 'date' | 'flag' | 'text';
}

/** A list narrowed to one city (`cityId`), or to one owner's records (`ownerId`), by a link. */
export const CITY_CHIP: FilterChip = { key: 'cityId', label: 'fields.city', kind: 'city' };
export const OWNER_CHIP: FilterChip = { key: 'ownerId', label: 'fields.owner', kind: 'owner' };

/** Where a record's name is read, by kind: the record's route and the field holding its name. */
const NAMED: Partial<Record<FilterChip['kind'], { route: string; field: 'name' | 'title' }>> = {
  city: { route: ROUTES.cities, field: 'name' },
  engagement: { route: ROUTES.engagements, field: 'title' },
  commitment: { route: ROUTES.commitments, field: 'title' },
  partner: { route: ROUTES.partners, field: 'name' },
};

interface ActiveChip extends FilterChip {
  value: string;
  /** What the chip says: "City: Nansana", or the label alone. */
  text: string;
}

/**
 * The list's active link filters, one chip each, with a remove button that lifts that filter (the URL
 * and the list follow). A name that cannot be read (gone, out of reach) leaves the chip its label.
 */
@Component({
  selector: 'it-filter-chips',
  imports: [MatChipsModule, MatIconModule, TranslocoPipe],
  template: `
    @if (active().length) {
      <mat-chip-set class="it-filter-chips" [attr.aria-label]="'worklists.chips.label' | transloco" data-testid="filter-chips">
        @for (chip of active(); track chip.key) {
          <mat-chip (removed)="list().pick(chip.key, null)" [attr.data-filter]="chip.key">
            {{ chip.text }}
            <!-- In a chip set (not a grid) a chip's actions are out of the tab order unless said so. -->
            <button
              matChipRemove
              type="button"
              [tabIndex]="0"
              [attr.aria-label]="'worklists.chips.remove' | transloco: { filter: chip.text }"
            >
              <mat-icon aria-hidden="true">cancel</mat-icon>
            </button>
          </mat-chip>
        }
      </mat-chip-set>
    }
  `,
  styles: `
    .it-filter-chips {
      display: block;
      margin-block-end: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FilterChips {
  private readonly http = inject(HttpClient);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);

  readonly list = input.required<Pick<ListState, 'value' | 'pick'>>();
  readonly chips = input.required<readonly FilterChip[]>();
  /** The list's rows, where an owner's name is read (`ownerId` → `ownerName`). */
  readonly rows = input<readonly { ownerId?: string | null; ownerName?: string | null }[]>([]);

  /** The chips' filters that are set, with their values. */
  private readonly given = computed(() =>
    this.chips().flatMap((chip) => {
      const value: ListValue = this.list().value(chip.key);
      return value === undefined || value === '' || value === false ? [] : [{ ...chip, value: String(value) }];
    }),
  );

  /** The names of the records the chips name, by `kind:id`. */
  private readonly names = rxResource({
    params: () => this.given().filter((c) => NAMED[c.kind]),
    stream: ({ params }): Observable<Map<string, string>> => {
      if (!params.length) return of(new Map());
      const reads = params.map((c) => {
        const named = NAMED[c.kind] as { route: string; field: 'name' | 'title' };
        return this.http.get<Record<string, unknown>>(`${API}/${named.route}/${encodeURIComponent(c.value)}`).pipe(
          map((r) => [`${c.kind}:${c.value}`, String(r[named.field] ?? '')] as const),
          catchError(() => of([`${c.kind}:${c.value}`, ''] as const)),
        );
      });
      return forkJoin(reads).pipe(map((pairs) => new Map(pairs)));
    },
  });

  protected readonly active = computed<ActiveChip[]>(() => {
    const locale = this.language.locale();
    const names = this.names.hasValue() ? this.names.value() : new Map<string, string>();
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params, this.language.language());
    return this.given().map((chip) => {
      const label = t(chip.label);
      let value = '';
      if (chip.kind === 'date') value = formatDate(chip.value, locale);
      else if (chip.kind === 'owner') value = this.rows().find((r) => r.ownerId === chip.value)?.ownerName ?? '';
      else if (chip.kind === 'text') value = chip.value;
      else if (chip.kind !== 'flag') value = names.get(`${chip.kind}:${chip.value}`) ?? '';
      return { ...chip, text: value ? t('worklists.chips.named', { label, value: isolate(value) }) : label };
    });
  });
}

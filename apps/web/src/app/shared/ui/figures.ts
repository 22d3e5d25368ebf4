import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language.service';
import { formatNumber } from '../../core/i18n/locale.pipes';

/*
 * Figures inside a sentence, right in every direction. Each one is its own bidi isolate, so its parts
 * keep their order whatever surrounds them (Arabic around Latin, Arabic-Indic digits beside a Latin unit):
 * - `it-figure`: a number with its unit ("150 people trained"); the unit's own first letter sets the
 *   direction, so a Latin unit reads "150 people trained" and an Arabic one reads right to left;
 * - `it-ratio`: one figure out of another ("14 / 47"), always left to right, like a fraction;
 * - `it-range`: a move from one value to another ("55 → 100"): it follows the reading direction, the
 *   first value where reading starts and the arrow pointing the way one reads (mirrored in Arabic).
 */

/** A number in the active language's digits; text as it is. */
function shown(value: number | string | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? formatNumber(value, locale) : value;
}

const ISOLATE = `
  :host {
    unicode-bidi: isolate;
    white-space: nowrap;
  }
`;

/** `<it-figure [value]="150" unit="people trained" />`: a number and its unit, kept together. */
@Component({
  selector: 'it-figure',
  template: `{{ text() }}`,
  host: { class: 'it-figure', dir: 'auto' },
  styles: ISOLATE,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Figure {
  private readonly language = inject(LanguageService);
  readonly value = input.required<number | null>();
  readonly unit = input<string | null | undefined>(null);
  protected readonly text = computed(() => [shown(this.value(), this.language.locale()), this.unit()].filter(Boolean).join(' '));
}

/** `<it-ratio [n]="14" [total]="47" />`: "14 / 47", left to right in every language. */
@Component({
  selector: 'it-ratio',
  template: `{{ text() }}`,
  host: { class: 'it-ratio', dir: 'ltr' },
  styles: ISOLATE,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Ratio {
  private readonly language = inject(LanguageService);
  readonly n = input.required<number>();
  readonly total = input.required<number>();
  protected readonly text = computed(() => `${shown(this.n(), this.language.locale())} / ${shown(this.total(), this.language.locale())}`);
}

/**
 * `<it-range [from]="55" [to]="100" />`: "55 → 100", or with `mark="dash"` a span of time ("4 – 6 Dec").
 * Each end is isolated; the arrow is hidden from screen readers, which hear "55 to 100".
 */
@Component({
  selector: 'it-range',
  imports: [TranslocoPipe],
  template: `<bdi class="it-range-from">{{ start() }}</bdi>
    @if (mark() === 'arrow') {
      <span class="it-range-mark it-flip-rtl" aria-hidden="true">→</span
      ><span class="it-visually-hidden"> {{ 'figures.to' | transloco }} </span>
    } @else {
      <span class="it-range-mark" aria-hidden="true">–</span><span class="it-visually-hidden"> {{ 'figures.until' | transloco }} </span>
    }
    <bdi class="it-range-to">{{ end() }}</bdi>`,
  host: { class: 'it-range' },
  styles: `
    :host {
      unicode-bidi: isolate;
    }
    .it-range-mark {
      display: inline-block;
      margin-inline: 0.3em;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FigureRange {
  private readonly language = inject(LanguageService);
  readonly from = input.required<number | string | null>();
  readonly to = input.required<number | string | null>();
  readonly mark = input<'arrow' | 'dash'>('arrow');
  protected readonly start = computed(() => shown(this.from(), this.language.locale()) || '—');
  protected readonly end = computed(() => shown(this.to(), this.language.locale()) || '—');
}

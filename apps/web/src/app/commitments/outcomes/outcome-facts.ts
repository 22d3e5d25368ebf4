import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { OutcomeListItem } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocaleDatePipe } from '../../core/i18n/locale.pipes';
import { Figure } from '../../shared/ui/figures';

/** What an outcome says, in a row of a record's page: when, what kind, the figure, and in words. */
@Component({
  selector: 'it-outcome-facts',
  imports: [Figure, LocaleDatePipe, TranslocoPipe],
  template: `
    <span class="it-nowrap">{{ outcome().date | itDate }}</span>
    <span class="it-tag">{{ 'enums.outcomeType.' + outcome().type | transloco }}</span>
    @if (outcome().value !== null) {
      <strong><it-figure [value]="outcome().value" [unit]="outcome().unit" /></strong>
    }
    <span class="it-row-main" dir="auto">{{ outcome().description }}</span>
  `,
  styleUrl: '../../shared/ui/record-page.scss',
  // Its parts stand in the row like the row's other parts.
  host: { style: 'display: contents' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutcomeFacts {
  readonly outcome = input.required<OutcomeListItem>();
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { OutcomeListItem } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocaleDatePipe, LocaleNumberPipe } from '../../core/i18n/locale.pipes';

/** What an outcome says, in a row of a record's page: when, what kind, the figure, and in words. */
@Component({
  selector: 'it-outcome-facts',
  imports: [LocaleDatePipe, LocaleNumberPipe, TranslocoPipe],
  template: `
    <span class="it-nowrap">{{ outcome().date | itDate }}</span>
    <span class="it-tag">{{ 'enums.outcomeType.' + outcome().type | transloco }}</span>
    @if (outcome().value !== null) {
      <strong
        >{{ outcome().value | itNumber }} <bdi>{{ outcome().unit }}</bdi></strong
      >
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

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { HistoryEntry } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocaleDatePipe } from '../../core/i18n/locale.pipes';

/** Who did what to the story, when, and why. */
@Component({
  selector: 'it-story-history',
  imports: [LocaleDatePipe, TranslocoPipe],
  template: `
    <section class="it-panel" aria-labelledby="history-title">
      <h2 id="history-title">{{ 'stories.history.title' | transloco }}</h2>
      <ol class="it-history">
        @for (h of entries(); track h.id) {
          <li>
            <span class="it-small">{{ h.at | itDate: 'medium' }} · {{ h.actorName ?? ('common.nobody' | transloco) }}</span>
            <span>
              {{ 'stories.history.' + h.action | transloco }}
              @if (h.to) {
                <span class="it-flip-rtl" aria-hidden="true">→</span>
                <span class="it-visually-hidden">{{ 'figures.to' | transloco }}</span>
                {{ 'stories.status.' + h.to | transloco }}
              }
            </span>
            @if (h.note) {
              <q>{{ h.note }}</q>
            }
          </li>
        }
      </ol>
    </section>
  `,
  styleUrl: './editor-panel.scss',
  styles: `
    .it-history {
      list-style: none;
      padding: 0;
      margin: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
      li {
        display: flex;
        flex-direction: column;
        border-inline-start: 2px solid var(--mat-sys-outline-variant);
        padding-inline-start: 8px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StoryHistory {
  readonly entries = input.required<HistoryEntry[]>();
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { HistoryEntry } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocaleDatePipe } from '../../core/i18n/locale.pipes';
import { FigureRange } from '../../shared/ui/figures';

/** Who did what to the story, when, and why. */
@Component({
  selector: 'it-story-history',
  imports: [FigureRange, LocaleDatePipe, TranslocoPipe],
  template: `
    <section class="it-panel" aria-labelledby="history-title">
      <h2 id="history-title">{{ 'stories.history.title' | transloco }}</h2>
      <ol class="it-entries">
        @for (h of entries(); track h.id) {
          <li>
            <span class="it-small">{{ h.at | itDate: 'medium' }} · {{ h.actorName ?? ('common.nobody' | transloco) }}</span>
            <span>
              {{ 'stories.history.' + h.action | transloco }}
              @if (h.action === 'transition' && h.to) {
                <!-- The step itself: publishing and archiving already say where the story went. -->
                ·
                @if (h.from) {
                  <it-range [from]="'stories.status.' + h.from | transloco" [to]="'stories.status.' + h.to | transloco" />
                } @else {
                  {{ 'stories.status.' + h.to | transloco }}
                }
              }
              @if (revisionOf(h); as n) {
                · {{ 'storyDiff.revision' | transloco: { n } }}
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
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StoryHistory {
  readonly entries = input.required<HistoryEntry[]>();

  /** The revision a publication froze, when the entry records one. */
  protected revisionOf(h: HistoryEntry): number | null {
    const n = (h.changes?.['revision'] as { new?: unknown } | undefined)?.new;
    return typeof n === 'number' ? n : null;
  }
}

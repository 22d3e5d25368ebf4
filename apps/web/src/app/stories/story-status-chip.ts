import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { StoryStatus } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { CHIP_STYLES } from '../shared/ui/status-chip';

const ICONS: Record<StoryStatus, string> = { draft: 'edit_note', in_review: 'rate_review', published: 'public', archived: 'inventory_2' };

/** A story's status: its word and an icon, never colour alone. */
@Component({
  selector: 'it-story-status-chip',
  imports: [MatIconModule, TranslocoPipe],
  template: `<mat-icon aria-hidden="true">{{ icon() }}</mat-icon
    ><span>{{ 'stories.status.' + status() | transloco }}</span>`,
  host: { '[class]': '"it-story-status it-story-status--" + status()' },
  styles: [
    CHIP_STYLES,
    `
      :host {
        padding-inline: 8px 10px;
      }
      :host(.it-story-status--draft) {
        background: #e7e8ec;
        color: #33343a;
      }
      :host(.it-story-status--in_review) {
        background: #dbe6ff;
        color: #123a7a;
      }
      :host(.it-story-status--published) {
        background: #d7f0dc;
        color: #145224;
      }
      :host(.it-story-status--archived) {
        background: #f3e1e0;
        color: #6d2b28;
      }
    `,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StoryStatusChip {
  readonly status = input.required<StoryStatus>();
  protected readonly icon = computed(() => ICONS[this.status()]);
}

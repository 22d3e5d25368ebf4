import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { CommitmentStatus, FollowUpStatus } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';

export type ChipStatus = CommitmentStatus | FollowUpStatus | 'overdue';

/**
 * One colour per status everywhere (chip, map, chart, stepper). Others may read these values for
 * charts; the chip itself never relies on colour alone: it carries an icon and the word.
 */
export const STATUS_COLOURS: Readonly<Record<ChipStatus, { bg: string; fg: string; accent: string }>> = {
  pledged: { bg: '#ececec', fg: '#3d3d3d', accent: '#757575' },
  in_progress: { bg: '#dce9fb', fg: '#0b4a8f', accent: '#1e6fd0' },
  stalled: { bg: '#fdebc2', fg: '#6b4300', accent: '#d99400' },
  achieved: { bg: '#d8efd9', fg: '#1b5e20', accent: '#2e8b3a' },
  cancelled: { bg: '#f3dddd', fg: '#8a2e2e', accent: '#b25a5a' },
  open: { bg: '#dce9fb', fg: '#0b4a8f', accent: '#1e6fd0' },
  done: { bg: '#d8efd9', fg: '#1b5e20', accent: '#2e8b3a' },
  overdue: { bg: '#fbe0d6', fg: '#8a2a00', accent: '#c8501f' },
};

export const STATUS_ICONS: Readonly<Record<ChipStatus, string>> = {
  pledged: 'flag',
  in_progress: 'autorenew',
  stalled: 'pause_circle',
  achieved: 'check_circle',
  cancelled: 'cancel',
  open: 'radio_button_unchecked',
  done: 'task_alt',
  overdue: 'alarm',
};

/** The shape of every status chip: a pill with an icon and a word. */
export const CHIP_STYLES = `
  :host {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding-block: 2px;
    border-radius: 999px;
    font: var(--mat-sys-label-medium);
    white-space: nowrap;
  }
  mat-icon,
  .it-chip-icon {
    font-size: 16px;
    inline-size: 16px;
    block-size: 16px;
  }
`;

/** `<it-status-chip status="stalled" />`; `kind="followUp"` for follow-up statuses. */
@Component({
  selector: 'it-status-chip',
  imports: [TranslocoPipe],
  // The icon as a plain span of the icon font (not <mat-icon>): chips are on first screens, and cheap this way.
  template: `<span class="material-symbols-outlined it-chip-icon" aria-hidden="true">{{ icon() }}</span
    ><span>{{ label() | transloco }}</span>`,
  host: {
    class: 'it-status-chip',
    '[attr.data-status]': 'status()',
    '[style.--it-chip-bg]': 'colours().bg',
    '[style.--it-chip-fg]': 'colours().fg',
    '[style.--it-chip-accent]': 'colours().accent',
  },
  styles: [
    CHIP_STYLES,
    `
      :host {
        padding-inline: 6px 10px;
        background: var(--it-chip-bg);
        color: var(--it-chip-fg);
        border: 1px solid var(--it-chip-accent);
        vertical-align: middle;
      }
      .it-chip-icon {
        color: var(--it-chip-accent);
      }
    `,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusChip {
  readonly status = input.required<ChipStatus>();
  readonly kind = input<'commitment' | 'followUp'>('commitment');

  protected readonly colours = computed(() => STATUS_COLOURS[this.status()] ?? STATUS_COLOURS.pledged);
  protected readonly icon = computed(() => STATUS_ICONS[this.status()] ?? 'help');
  protected readonly label = computed(() =>
    this.status() === 'overdue' ? 'status.followUp.overdue' : `status.${this.kind()}.${this.status()}`,
  );
}

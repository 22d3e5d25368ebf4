import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { CommitmentStatus, nextCommitmentStatuses } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { STATUS_COLOURS, STATUS_ICONS } from '../shared/ui/status-chip';

/** The button's words for a step: going back to work after a stall is a resumption, after an achievement a reopening. */
export function stepLabel(from: CommitmentStatus, to: CommitmentStatus): string {
  if (from === 'stalled' && to === 'in_progress') return 'commitments.transition.resume';
  if (from === 'achieved' && to === 'in_progress') return 'undo.reopen';
  return `commitments.transition.to.${to}`;
}

const MAIN_PATH: readonly CommitmentStatus[] = ['pledged', 'in_progress', 'achieved'];

/** Where a status sits on the path pledged → in progress → achieved (stalled and cancelled are detours). */
export function pathFor(current: CommitmentStatus): CommitmentStatus[] {
  if (current === 'stalled') return ['pledged', 'in_progress', 'stalled', 'achieved'];
  if (current === 'cancelled') return ['pledged', 'cancelled'];
  return [...MAIN_PATH];
}

/**
 * The commitment's path with the current status marked, and the steps the workflow table allows from
 * here as buttons (none when the user may not move it). Emits the chosen status; the page asks for a note.
 */
@Component({
  selector: 'it-status-stepper',
  imports: [MatButtonModule, MatIconModule, TranslocoPipe],
  template: `
    <ol class="it-path" [attr.aria-label]="'commitments.stepper.path' | transloco">
      @for (s of path(); track s; let i = $index; let last = $last) {
        <li
          class="it-step"
          [class.it-step-current]="s === status()"
          [class.it-step-done]="i < currentIndex()"
          [style.--it-step-accent]="colours[s].accent"
          [style.--it-step-bg]="colours[s].bg"
          [attr.aria-current]="s === status() ? 'step' : null"
        >
          <mat-icon aria-hidden="true">{{ i < currentIndex() ? 'check' : icons[s] }}</mat-icon>
          <span>{{ 'status.commitment.' + s | transloco }}</span>
          @if (s === status()) {
            <span class="it-visually-hidden">{{ 'commitments.stepper.current' | transloco }}</span>
          }
        </li>
        @if (!last) {
          <li class="it-step-arrow" aria-hidden="true"><mat-icon class="it-flip-rtl">chevron_right</mat-icon></li>
        }
      }
    </ol>
    @if (canMove() && next().length > 0) {
      <div class="it-next" role="group" [attr.aria-label]="'commitments.stepper.next' | transloco">
        @for (to of next(); track to) {
          <button mat-stroked-button type="button" class="it-next-step" [attr.data-to]="to" (click)="step.emit(to)">
            <mat-icon aria-hidden="true">{{ icons[to] }}</mat-icon
            >{{ stepLabel(status(), to) | transloco }}
          </button>
        }
      </div>
    } @else if (next().length === 0) {
      <p class="it-final">{{ 'commitments.stepper.final' | transloco }}</p>
    }
  `,
  styles: `
    .it-path {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px;
    }
    .it-step {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding-block: 4px;
      padding-inline: 8px 12px;
      border-radius: 999px;
      border: 1px dashed var(--mat-sys-outline);
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-large);
    }
    .it-step-done {
      border-style: solid;
      color: var(--mat-sys-on-surface);
    }
    .it-step-current {
      border: 2px solid var(--it-step-accent);
      background: var(--it-step-bg);
      color: var(--mat-sys-on-surface);
      font-weight: 700;
    }
    .it-step mat-icon {
      font-size: 18px;
      inline-size: 18px;
      block-size: 18px;
      color: var(--it-step-accent);
    }
    .it-step-arrow {
      display: inline-flex;
      color: var(--mat-sys-outline);
    }
    .it-next {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-block-start: 12px;
    }
    .it-final {
      margin-block: 12px 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusStepper {
  readonly status = input.required<CommitmentStatus>();
  /** Whether the user may move this commitment (permission table, with the record's scope). */
  readonly canMove = input(false);
  readonly step = output<CommitmentStatus>();

  protected readonly stepLabel = stepLabel;
  protected readonly colours = STATUS_COLOURS;
  protected readonly icons = STATUS_ICONS;
  protected readonly path = computed(() => pathFor(this.status()));
  protected readonly currentIndex = computed(() => this.path().indexOf(this.status()));
  protected readonly next = computed(() => nextCommitmentStatuses(this.status()));
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/** A designed empty, error or "nothing yet" state: an icon, what is missing, and the next step (projected). */
@Component({
  selector: 'it-empty-state',
  imports: [MatIconModule],
  template: `
    <mat-icon class="it-empty-icon" aria-hidden="true">{{ icon() }}</mat-icon>
    <h2 class="it-empty-title">{{ heading() }}</h2>
    @if (body()) {
      <p class="it-empty-body">{{ body() }}</p>
    }
    <div class="it-empty-actions"><ng-content /></div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: center;
      text-align: center;
      padding-block: 48px;
      padding-inline: 16px;
      gap: 8px;
      color: var(--mat-sys-on-surface);
    }
    .it-empty-icon {
      inline-size: 56px;
      block-size: 56px;
      font-size: 56px;
      color: var(--mat-sys-primary);
    }
    .it-empty-title {
      font: var(--mat-sys-title-large);
      margin: 8px 0 0;
    }
    .it-empty-body {
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface-variant);
      max-inline-size: 48ch;
      margin: 0;
    }
    .it-empty-actions {
      margin-block-start: 16px;
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
      justify-content: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmptyState {
  readonly icon = input('inbox');
  readonly heading = input.required<string>();
  readonly body = input<string>('');
}

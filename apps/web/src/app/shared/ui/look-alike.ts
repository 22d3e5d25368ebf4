import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * What a control looks like before its code has come (the placeholder of an `[itIdlePart]`): its icon,
 * and its text if it has one, in a box of its size. Not a control: hidden from assistive technology.
 * `shape`: `icon` an icon button (40×40), `text` a text button with an icon (the text is the content),
 * `field` a rounded search field.
 */
@Component({
  selector: 'it-look-alike',
  // A plain icon span (the subset font's class), not <mat-icon>: cheaper to render on the first paint.
  template: `<span class="material-symbols-outlined">{{ icon() }}</span
    ><ng-content />`,
  styles: `
    :host {
      display: inline-flex;
      flex: none;
      align-items: center;
      justify-content: center;
      gap: 8px;
      box-sizing: border-box;
      inline-size: 40px;
      block-size: 40px;
      color: var(--mat-sys-on-surface-variant);
    }
    :host(.it-look-text) {
      inline-size: auto;
      min-inline-size: 48px;
      block-size: 40px;
      padding-inline: 12px 16px;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-primary);
    }
    :host(.it-look-field) {
      flex: 0 1 360px;
      justify-content: flex-start;
      inline-size: auto;
      min-inline-size: 0;
      block-size: 40px;
      padding-inline: 12px;
      border-radius: 20px;
      background: var(--mat-sys-surface-container-highest);
    }
  `,
  host: {
    'aria-hidden': 'true',
    '[class.it-look-text]': "shape() === 'text'",
    '[class.it-look-field]': "shape() === 'field'",
  },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LookAlike {
  /** The control's icon (a Material Symbols name). */
  readonly icon = input.required<string>();
  readonly shape = input<'icon' | 'text' | 'field'>('icon');
}

import { ChangeDetectionStrategy, Component, Type, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from './language.service';

/** The language switcher's code (its menu brings the overlay code), for `[itIdlePart]`. */
export const loadLanguageSwitcher = (): Promise<Type<unknown>> => import('./language-switcher').then((m) => m.LanguageSwitcher);

/**
 * What the language switcher's button looks like, without its menu: shown in its place while the
 * switcher's code loads after the first paint. Not a control (hidden from assistive technology).
 */
@Component({
  selector: 'it-language-switcher-look-alike',
  imports: [MatIconModule, TranslocoPipe],
  template: `
    <span class="it-look" [class.it-compact]="compact()" aria-hidden="true">
      <mat-icon>translate</mat-icon>
      @if (!compact()) {
        <span>{{ 'language.names.' + language.language() | transloco }}</span>
      }
    </span>
  `,
  styles: `
    .it-look {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 8px;
      box-sizing: border-box;
      block-size: 40px;
      min-inline-size: 64px;
      padding-inline: 12px 16px;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-primary);
    }
    .it-look.it-compact {
      min-inline-size: 48px;
      padding-inline: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitcherLookAlike {
  protected readonly language = inject(LanguageService);
  readonly compact = input(false);
}

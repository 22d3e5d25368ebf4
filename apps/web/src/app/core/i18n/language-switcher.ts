import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { Language } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../auth/auth.service';
import { LanguageService } from './language.service';

/** Toolbar and sign-in page: pick one of the four languages; each is named in its own language. */
@Component({
  selector: 'it-language-switcher',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, TranslocoPipe],
  template: `
    <button
      mat-button
      type="button"
      [class.it-compact]="compact()"
      [matMenuTriggerFor]="menu"
      [attr.aria-label]="'language.change' | transloco: { current: ('language.names.' + language.language() | transloco) }"
    >
      <mat-icon aria-hidden="true">translate</mat-icon>
      @if (!compact()) {
        <span>{{ 'language.names.' + language.language() | transloco }}</span>
      }
    </button>
    <mat-menu #menu="matMenu">
      @for (lang of language.languages; track lang) {
        <button
          mat-menu-item
          type="button"
          role="menuitemradio"
          [attr.aria-checked]="lang === language.language()"
          [attr.lang]="lang"
          (click)="choose(lang)"
        >
          <mat-icon aria-hidden="true">{{ lang === language.language() ? 'check' : '' }}</mat-icon>
          <span>{{ 'language.names.' + lang | transloco }}</span>
        </button>
      }
    </mat-menu>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    button.it-compact {
      min-inline-size: 48px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitcher {
  protected readonly language = inject(LanguageService);
  private readonly auth = inject(AuthService);
  readonly compact = input(false);

  protected choose(lang: Language): void {
    void this.language.choose(lang);
    // Signed in: the choice becomes the user's preferred language on every device.
    void this.auth.savePreferredLanguage(lang);
  }
}

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, RouterLink, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../../core/auth/auth.service';
import { LanguageService } from '../../core/i18n/language.service';
import { IdlePart } from '../../shared/ui/idle-part';
import { LookAlike } from '../../shared/ui/look-alike';

/** The public frame: the network's name, the language switcher, the page. No navigation of the staff app. */
@Component({
  selector: 'it-public-layout',
  imports: [IdlePart, LookAlike, MatButtonModule, RouterLink, RouterOutlet, TranslocoPipe],
  template: `
    <a class="it-skip" href="#public-main">{{ 'app.skipToContent' | transloco }}</a>
    <header class="it-public-bar">
      <a class="it-brand" routerLink="/stories">{{ 'stories.public.brand' | transloco }}</a>
      <span class="it-spacer"></span>
      <!-- The switcher's menu (and its overlay code) comes once the page has painted; a look-alike until then. -->
      <ng-template [itIdlePart]="languageSwitcher">
        <it-look-alike icon="translate" shape="text">
          <span>{{ 'language.names.' + language.language() | transloco }}</span>
        </it-look-alike>
      </ng-template>
      @if (staffLink) {
        @if (auth.signedIn()) {
          <a mat-button routerLink="/story-desk">{{ 'stories.desk.title' | transloco }}</a>
        } @else {
          <a mat-button routerLink="/sign-in">{{ 'stories.public.staff' | transloco }}</a>
        }
      }
    </header>
    <main id="public-main" tabindex="-1"><router-outlet /></main>
    <footer class="it-public-foot">{{ 'stories.public.footer' | transloco }}</footer>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-block-size: 100vh;
      background: var(--mat-sys-surface);
    }
    .it-skip {
      position: absolute;
      inset-inline-start: -9999px;
    }
    .it-skip:focus {
      inset-inline-start: 8px;
      inset-block-start: 8px;
      z-index: 10;
      background: var(--mat-sys-surface);
      padding: 8px;
    }
    .it-public-bar {
      display: flex;
      align-items: center;
      gap: 8px;
      padding-block: 8px;
      padding-inline: 24px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .it-brand {
      font: var(--mat-sys-title-large);
      color: var(--mat-sys-primary);
      text-decoration: none;
    }
    .it-spacer {
      flex: 1;
    }
    /* A phone: the brand keeps one line (shortened with an ellipsis) beside the switcher, not three. */
    @media (max-width: 599px) {
      .it-public-bar {
        gap: 4px;
        padding-inline: 12px;
      }
      .it-brand {
        font: var(--mat-sys-title-medium);
        min-inline-size: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      main {
        padding: 16px 12px;
      }
    }
    main {
      flex: 1;
      inline-size: 100%;
      max-inline-size: 1100px;
      margin-inline: auto;
      padding: 24px;
      box-sizing: border-box;
      outline: none;
    }
    .it-public-foot {
      padding: 16px 24px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      text-align: center;
    }
    @media print {
      .it-public-bar,
      .it-public-foot,
      .it-skip {
        display: none;
      }
      main {
        padding: 0;
        max-inline-size: none;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicLayout {
  protected readonly auth = inject(AuthService);
  /** Pages for people without an account (a city contact's link) set `staffLink: false`: no staff sign-in there. */
  protected readonly staffLink = inject(ActivatedRoute).snapshot.data['staffLink'] !== false;
  protected readonly language = inject(LanguageService);
  protected readonly languageSwitcher = () => import('../../core/i18n/language-switcher').then((m) => m.LanguageSwitcher);
}

import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { EMAIL_PREFERENCES, EmailPreference } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { Notices } from '../shared/ui/notices';
import { NotificationsApi } from './data-access/notifications.api';

/** How the caller wants notifications by e-mail: each at once, one digest a day, or none. */
@Component({
  selector: 'it-notification-settings-page',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, MatRadioModule, RouterLink, TranslocoPipe],
  template: `
    <section class="it-page">
      <h1 class="it-page-title">{{ 'notifications.settings.title' | transloco }}</h1>
      @if (settings.isLoading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (settings.error()) {
        <p role="alert">{{ 'notifications.errors.loadSettings' | transloco }}</p>
      } @else {
        <form (submit)="save($event)">
          <fieldset class="it-fieldset">
            <legend id="it-email-legend">{{ 'notifications.settings.email' | transloco }}</legend>
            <mat-radio-group class="it-choices" aria-labelledby="it-email-legend" [value]="choice()" (change)="choice.set($event.value)">
              @for (option of options; track option) {
                <mat-radio-button [value]="option">
                  <span class="it-choice">
                    <span class="it-choice-label">{{ 'notifications.settings.options.' + option | transloco }}</span>
                    <span class="it-choice-hint">{{ 'notifications.settings.hints.' + option | transloco }}</span>
                  </span>
                </mat-radio-button>
              }
            </mat-radio-group>
          </fieldset>
          <div class="it-actions">
            <a mat-button routerLink="/notifications">{{ 'notifications.title' | transloco }}</a>
            <button mat-flat-button type="submit" [disabled]="saving() || !settings.hasValue()">
              {{ (saving() ? 'common.saving' : 'common.save') | transloco }}
            </button>
          </div>
        </form>
      }
    </section>
  `,
  styleUrl: '../shared/ui/tool-page.scss',
  styles: `
    .it-page {
      max-inline-size: 640px;
    }
    .it-fieldset {
      margin: 0;
      padding-block: 8px 16px;
      padding-inline: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    legend {
      padding-inline: 4px;
      font: var(--mat-sys-title-small);
    }
    .it-choices {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .it-choice {
      display: flex;
      flex-direction: column;
    }
    .it-choice-hint {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .it-actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
      margin-block-start: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationSettingsPage {
  private readonly api = inject(NotificationsApi);
  private readonly notices = inject(Notices);
  protected readonly options = EMAIL_PREFERENCES;
  protected readonly settings = rxResource({ stream: () => this.api.settings() });
  protected readonly choice = signal<EmailPreference>('daily');
  protected readonly saving = signal(false);

  constructor() {
    effect(() => {
      if (this.settings.hasValue()) this.choice.set(this.settings.value().email);
    });
  }

  protected save(event: Event): void {
    event.preventDefault();
    this.saving.set(true);
    this.api.saveSettings({ email: this.choice() }).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.choice.set(saved.email);
        this.notices.say('notifications.settings.saved');
      },
      error: () => {
        this.saving.set(false);
        this.notices.say('errors.unexpected');
      },
    });
  }
}

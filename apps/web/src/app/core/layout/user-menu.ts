import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../auth/auth.service';

/** The toolbar's account button: who is signed in, and a menu with the notification settings and signing out. */
@Component({
  selector: 'it-user-menu',
  imports: [MatButtonModule, MatDividerModule, MatIconModule, MatMenuModule, RouterLink, TranslocoPipe],
  template: `
    @if (auth.user(); as user) {
      <button
        mat-button
        type="button"
        class="it-user-button"
        [matMenuTriggerFor]="userMenu"
        [attr.aria-label]="'account.menu' | transloco: { name: user.name }"
      >
        <mat-icon aria-hidden="true">account_circle</mat-icon>
        @if (!compact()) {
          <span class="it-user-text">
            <bdi class="it-user-name">{{ user.name }}</bdi>
            <span class="it-user-role">{{ 'roles.' + user.role | transloco }}</span>
          </span>
        }
      </button>
      <mat-menu #userMenu="matMenu" xPosition="before">
        <div class="it-user-card" role="none">
          <div class="it-user-card-name">
            <bdi>{{ user.name }}</bdi>
          </div>
          <div class="it-user-card-line">
            <bdi>{{ user.email }}</bdi>
          </div>
          <div class="it-user-card-line">{{ 'roles.' + user.role | transloco }}</div>
          <div class="it-user-card-line">
            {{ 'account.preferredLanguage' | transloco: { language: ('language.names.' + user.language | transloco) } }}
          </div>
        </div>
        <mat-divider />
        <a mat-menu-item routerLink="/notifications/settings">
          <mat-icon aria-hidden="true">notifications</mat-icon>
          <span>{{ 'notifications.settings.menu' | transloco }}</span>
        </a>
        <button mat-menu-item type="button" (click)="signOut()">
          <mat-icon aria-hidden="true" class="it-flip-rtl">logout</mat-icon>
          <span>{{ 'account.signOut' | transloco }}</span>
        </button>
      </mat-menu>
    }
  `,
  styleUrls: ['./user-text.scss'],
  styles: `
    :host {
      display: inline-flex;
    }
    .it-user-card {
      padding-block: 12px;
      padding-inline: 16px;
      min-inline-size: 220px;
    }
    .it-user-card-name {
      font: var(--mat-sys-title-small);
    }
    .it-user-card-line {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserMenu {
  protected readonly auth = inject(AuthService);
  /** A phone: the icon only. */
  readonly compact = input(false);

  protected signOut(): void {
    void this.auth.signOut();
  }
}

import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { filter, map } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { LanguageService } from '../i18n/language.service';
import { IdlePart } from '../../shared/ui/idle-part';
import { LookAlike } from '../../shared/ui/look-alike';
import { afterFirstPaint } from '../../shared/ui/render-when-idle';
import { isSearchShortcut } from '../../search/search-shortcut';
import { NAV_ITEMS } from './nav-items';

/** The signed-in frame: toolbar, side navigation (a drawer on phones) and the main landmark. */
@Component({
  selector: 'it-shell',
  imports: [MatSidenavModule, MatToolbarModule, RouterLink, RouterLinkActive, RouterOutlet, TranslocoPipe, IdlePart, LookAlike],
  templateUrl: './shell.html',
  styleUrls: ['./shell.scss', './user-text.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'searchKeyEarly($event)' },
})
export class Shell {
  protected readonly auth = inject(AuthService);
  protected readonly language = inject(LanguageService);
  private readonly router = inject(Router);
  private readonly sidenav = viewChild.required<MatSidenav>('sidenav');
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected readonly handset = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 839.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  /** The toolbar's controls rendered once the page has painted (see the template). */
  protected readonly parts = {
    search: () => import('../../search/search-box').then((m) => m.SearchBox),
    language: () => import('../i18n/language-switcher').then((m) => m.LanguageSwitcher),
    bell: () => import('../../notifications/notification-bell').then((m) => m.NotificationBell),
    user: () => import('./user-menu').then((m) => m.UserMenu),
  };

  /** Whether the page has painted once (a phone's closed drawer renders its links then). */
  protected readonly navReady = afterFirstPaint();

  private readonly searchPart = viewChild('search', { read: IdlePart });
  /** The search's shortcut pressed before the search box was there: it opens once rendered. */
  protected readonly searchAsked = signal(false);

  protected readonly navItems = computed(() => {
    const role = this.auth.role();
    return role ? NAV_ITEMS.filter((item) => (item.shown ? item.shown(role) : this.auth.can(item.resource, 'read'))) : [];
  });

  constructor() {
    // On a phone the drawer closes once a page is picked.
    this.router.events.pipe(filter((event) => event instanceof NavigationEnd)).subscribe(() => {
      if (this.handset()) void this.sidenav().close();
    });
  }

  /** Until the search box has rendered, its shortcut is kept for it (afterwards the box handles it). */
  protected searchKeyEarly(event: KeyboardEvent): void {
    const part = this.searchPart();
    if (!part || part.shown() || !isSearchShortcut(event)) return;
    event.preventDefault();
    this.searchAsked.set(true);
  }

  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}

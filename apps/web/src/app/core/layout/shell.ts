import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { filter, map } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { LanguageSwitcherLookAlike, loadLanguageSwitcher } from '../i18n/language-switcher-look-alike';
import { IdlePart } from '../../shared/ui/idle-part';
import { afterFirstPaint } from '../../shared/ui/render-when-idle';
import { isSearchShortcut } from '../../search/search-shortcut';
import { NAV_ITEMS } from './nav-items';

/** The signed-in frame: toolbar, side navigation (a drawer on phones) and the main landmark. */
@Component({
  selector: 'it-shell',
  imports: [
    MatButtonModule,
    MatDividerModule,
    MatIconModule,
    MatListModule,
    MatMenuModule,
    MatSidenavModule,
    MatToolbarModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    TranslocoPipe,
    IdlePart,
    LanguageSwitcherLookAlike,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'searchKeyEarly($event)' },
})
export class Shell {
  protected readonly auth = inject(AuthService);
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
    language: loadLanguageSwitcher,
    bell: () => import('../../notifications/notification-bell').then((m) => m.NotificationBell),
  };

  /** Whether the page has painted once (a phone's closed drawer renders its links then). */
  protected readonly navReady = afterFirstPaint();

  private readonly searchPart = viewChild<IdlePart>('search');
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

  protected signOut(): void {
    void this.auth.signOut();
  }
}

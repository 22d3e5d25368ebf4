import { BreakpointObserver } from '@angular/cdk/layout';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router } from '@angular/router';
import { City, Hub, MAX_PAGE_SIZE, User } from '@impact/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { debounceTime, distinctUntilChanged, filter, map, skip } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { LocaleDatePipe } from '../core/i18n/locale.pipes';
import { ConfirmDialog, ConfirmDialogData } from '../shared/ui/confirm-dialog';
import { EmptyState } from '../shared/ui/empty-state';
import { PageHeader } from '../shared/ui/page-header';
import { UsersApi } from './data-access/users.api';
import { UserDialog, UserDialogData } from './user-dialog';

const PAGE_SIZES = [10, 25, 50, 100];

function positiveInt(value: string | undefined, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** Admin's list of users: search and page live in the URL, so a view can be shared. */
@Component({
  selector: 'it-users-page',
  imports: [
    EmptyState,
    LocaleDatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    MatTooltipModule,
    PageHeader,
    TranslocoPipe,
  ],
  templateUrl: './users.page.html',
  styleUrl: './users.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage {
  private readonly api = inject(UsersApi);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly auth = inject(AuthService);

  /** Query parameters (bound by the router). */
  readonly q = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly pageSizes = PAGE_SIZES;
  protected readonly columns = ['name', 'email', 'role', 'scope', 'language', 'status', 'createdAt', 'actions'];
  protected readonly cards = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 959.98px)')
      .pipe(map((s) => s.matches)),
    { initialValue: false },
  );

  protected readonly query = computed(() => ({
    page: positiveInt(this.page(), 1, Number.MAX_SAFE_INTEGER),
    pageSize: positiveInt(this.pageSize(), 25, MAX_PAGE_SIZE),
    q: this.q()?.trim() || undefined,
  }));

  protected readonly users = rxResource({ params: () => this.query(), stream: ({ params }) => this.api.list(params) });
  private readonly hubsResource = rxResource({ stream: () => this.api.hubs() });
  private readonly citiesResource = rxResource({ stream: () => this.api.cities() });
  protected readonly hubs = computed<Hub[]>(() => (this.hubsResource.hasValue() ? this.hubsResource.value() : []));
  protected readonly cities = computed<City[]>(() => (this.citiesResource.hasValue() ? this.citiesResource.value() : []));
  private readonly hubNames = computed(() => new Map(this.hubs().map((h) => [h.id, h.name])));
  private readonly cityNames = computed(() => new Map(this.cities().map((c) => [c.id, c.name])));

  protected readonly items = computed<User[]>(() => (this.users.hasValue() ? this.users.value().items : []));
  protected readonly total = computed(() => (this.users.hasValue() ? this.users.value().total : 0));
  protected readonly forbidden = computed(() => {
    const error = this.users.error();
    return error instanceof HttpErrorResponse && error.status === 403;
  });

  /** What is typed in the search box; the URL follows after a pause. */
  protected readonly search = signal(this.q() ?? '');

  constructor() {
    toObservable(this.search)
      .pipe(skip(1), debounceTime(350), map((v) => v.trim()), distinctUntilChanged(), filter((q) => q !== (this.q() ?? '').trim()), takeUntilDestroyed())
      .subscribe((q) => this.navigate({ q: q || null, page: null }));
    // Keep the box in step when the URL changes (back button, shared link).
    toObservable(this.q)
      .pipe(
        filter((q) => (q ?? '') !== this.search().trim()),
        takeUntilDestroyed(),
      )
      .subscribe((q) => this.search.set(q ?? ''));
  }

  protected scopeOf(user: User): string {
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    if (user.role === 'hub_manager') {
      return this.names(user.hubIds, this.hubNames()) || t('users.scope.noHubs');
    }
    if (user.role === 'city_liaison') {
      return this.names(user.cityIds, this.cityNames()) || t('users.scope.noCities');
    }
    return t('users.scope.everything');
  }

  protected onPage(event: PageEvent): void {
    this.navigate({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected clearSearch(): void {
    this.search.set('');
  }

  protected openCreate(): void {
    this.openDialog({ hubs: this.hubs, cities: this.cities }, 'users.saved.created');
  }

  protected openEdit(user: User): void {
    this.openDialog({ user, hubs: this.hubs, cities: this.cities }, 'users.saved.updated');
  }

  protected setActive(user: User, active: boolean): void {
    const t = (key: string) => this.transloco.translate(key, { name: user.name });
    const confirm = () =>
      this.api.update(user.id, { version: user.version, active }).subscribe({
        next: () => {
          this.snack(active ? 'users.saved.reactivated' : 'users.saved.deactivated', user.name);
          this.users.reload();
        },
        error: (error: unknown) => {
          const conflict = error instanceof HttpErrorResponse && error.status === 409;
          this.snack(conflict ? 'users.errors.conflict' : 'errors.unexpected', user.name);
          if (conflict) this.users.reload();
        },
      });
    if (active) {
      confirm();
      return;
    }
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: t('users.deactivate.title'),
          message: t('users.deactivate.message'),
          confirm: t('users.deactivate.confirm'),
          cancel: t('common.cancel'),
        },
        autoFocus: 'dialog',
      })
      .afterClosed()
      .subscribe((yes) => {
        if (yes) confirm();
      });
  }

  private openDialog(data: UserDialogData, savedKey: string): void {
    this.dialog
      .open<UserDialog, UserDialogData, User>(UserDialog, { data, width: '560px', maxWidth: '95vw', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) {
          this.snack(savedKey, saved.name);
          this.users.reload();
        }
      });
  }

  private snack(key: string, name: string): void {
    this.snackBar.open(this.transloco.translate(key, { name }), this.transloco.translate('common.close'), { duration: 5000 });
  }

  private names(ids: readonly string[], lookup: Map<string, string>): string {
    return ids.map((id) => lookup.get(id) ?? this.transloco.translate('users.scope.unknown')).join(', ');
  }

  private navigate(queryParams: Record<string, string | number | null>): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge', replaceUrl: 'q' in queryParams });
  }

}

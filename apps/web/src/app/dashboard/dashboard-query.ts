import { computed, effect, inject, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { DashboardFilters } from '@impact/contracts';
import { AuthService } from '../core/auth/auth.service';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** `?hubId=all`: every hub, said out loud (a hub manager's own hub is the default otherwise). */
export const ALL_HUBS = 'all';

/**
 * The dashboard's hub and range, read from the URL (anything malformed is left out). A hub manager
 * lands on its own hub unless the URL names one, or "all". Create it in a field initialiser.
 */
export class DashboardQuery {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly params = toSignal(this.route.queryParamMap, { initialValue: this.route.snapshot.queryParamMap });

  readonly filters = computed<DashboardFilters>(() => {
    const p = this.params();
    const hubId = p.get('hubId');
    const from = p.get('from');
    const to = p.get('to');
    return {
      ...(hubId && hubId !== ALL_HUBS ? { hubId } : {}),
      ...(from && DAY.test(from) ? { from } : {}),
      ...(to && DAY.test(to) ? { to } : {}),
    };
  });

  constructor() {
    const auth = inject(AuthService);
    effect(() => {
      const user = auth.user();
      const params = this.params();
      if (user?.role === 'hub_manager' && user.hubIds.length && !params.has('hubId')) {
        untracked(
          () => void this.router.navigate([], { queryParams: { hubId: user.hubIds[0] }, queryParamsHandling: 'merge', replaceUrl: true }),
        );
      }
    });
  }
}

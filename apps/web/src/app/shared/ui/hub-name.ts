import { Injectable, Pipe, PipeTransform, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { hubNameIn, type Hub } from '@impact/contracts';
import { catchError, of } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { LanguageService } from '../../core/i18n/language.service';
import { LookupsApi } from '../data/lookups.api';

/**
 * The one place that turns a hub into the name the reader sees: the hubs (fetched once per visit) with
 * their names in the active language, so a filter, a form's picker and a record's page all agree.
 */
@Injectable({ providedIn: 'root' })
export class HubNames {
  private readonly language = inject(LanguageService).language;
  private readonly auth = inject(AuthService);
  // A failed fetch leaves the names the records carry (the name of record) rather than breaking the page.
  private readonly hubs = toSignal(
    inject(LookupsApi)
      .hubs()
      .pipe(catchError(() => of([] as Hub[]))),
    { initialValue: [] as Hub[] },
  );

  /** Every live hub with `name` in the active language, in that language's alphabetical order. */
  readonly localized = computed(() => {
    const language = this.language();
    const collator = new Intl.Collator(language);
    return this.hubs()
      .map((h) => ({ ...h, name: hubNameIn(h, language) }))
      .sort((a, b) => collator.compare(a.name, b.name));
  });

  /** The hubs the signed-in user works in: a hub manager's own, everyone else's all (what a picker offers). */
  readonly applicable = computed(() => {
    const user = this.auth.user();
    const all = this.localized();
    return user?.role === 'hub_manager' ? all.filter((h) => user.hubIds.includes(h.id)) : all;
  });

  /** Whether a hub filter means anything to the signed-in user: a liaison's cities decide its hub, so not for liaisons. */
  readonly filterApplies = computed(() => this.auth.user()?.role !== 'city_liaison');

  private readonly byId = computed(() => new Map(this.localized().map((h) => [h.id, h.name])));

  /** The hub's name in the active language; `fallback` (the name a record carries) until the hubs arrive. */
  name(hubId: string | null | undefined, fallback = ''): string {
    return (hubId && this.byId().get(hubId)) || fallback;
  }
}

/** `{{ record.hubId | itHubName: record.hubName }}`; impure so it follows a language switch (a map look-up). */
@Pipe({ name: 'itHubName', pure: false })
export class HubNamePipe implements PipeTransform {
  private readonly names = inject(HubNames);

  transform(hubId: string | null | undefined, fallback?: string | null): string {
    return this.names.name(hubId, fallback ?? '');
  }
}

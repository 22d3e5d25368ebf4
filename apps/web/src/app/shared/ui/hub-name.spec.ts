import { computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Hub, Language, UserSummary } from '@impact/contracts';
import { of, throwError } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { LanguageService } from '../../core/i18n/language.service';
import { LookupsApi } from '../data/lookups.api';
import { hubNameIn } from '@impact/contracts';
import { HubNamePipe, HubNames } from './hub-name';

const hubs: Hub[] = [
  {
    id: 'esa',
    code: 'esa',
    name: 'East & Southern Africa',
    names: { fr: 'Afrique de l’Est et australe', ar: 'شرق وجنوب أفريقيا' },
    version: 1,
  },
  { id: 'balkans', code: 'balkans', name: 'Western Balkans', names: { ar: 'غرب البلقان' }, version: 1 },
  { id: 'pacific', code: 'pacific', name: 'Pacific', names: {}, version: 1 },
];

function setUp(lookups: Partial<LookupsApi>, user: UserSummary | null = null) {
  const language = signal<Language>('en');
  const current = signal(user);
  TestBed.configureTestingModule({
    providers: [
      { provide: LookupsApi, useValue: lookups },
      { provide: LanguageService, useValue: { language } },
      { provide: AuthService, useValue: { user: current, role: computed(() => current()?.role ?? null) } },
    ],
  });
  return { language, names: TestBed.inject(HubNames) };
}

const person = (role: UserSummary['role'], hubIds: string[] = []): UserSummary => ({
  id: 'u',
  email: 'u@x.test',
  name: 'U',
  role,
  hubIds,
  cityIds: [],
  language: 'en',
});

describe('hub names', () => {
  it('reads the stored translation, else the name of record (a blank translation too)', () => {
    expect(hubNameIn(hubs[0], 'ar')).toBe('شرق وجنوب أفريقيا');
    expect(hubNameIn(hubs[0], 'es')).toBe('East & Southern Africa');
    expect(hubNameIn({ name: 'Andes', names: { fr: '  ' } }, 'fr')).toBe('Andes');
  });

  it('follows the active language, sorting the hubs in it', () => {
    const { language, names } = setUp({ hubs: () => of(hubs) });
    expect(names.name('esa', 'fallback')).toBe('East & Southern Africa');
    language.set('ar');
    expect(names.name('esa')).toBe('شرق وجنوب أفريقيا');
    expect(names.name('pacific')).toBe('Pacific');
    expect(names.localized().map((h) => h.name)).toEqual(['شرق وجنوب أفريقيا', 'غرب البلقان', 'Pacific']);
    language.set('fr');
    expect(TestBed.runInInjectionContext(() => new HubNamePipe()).transform('esa', 'x')).toBe('Afrique de l’Est et australe');
  });

  it('keeps the name a record carries for an unknown hub or when the hubs cannot be fetched', () => {
    const { names } = setUp({ hubs: () => throwError(() => new Error('offline')) });
    expect(names.name('esa', 'East & Southern Africa')).toBe('East & Southern Africa');
    expect(names.name(null, 'x')).toBe('x');
    expect(names.localized()).toEqual([]);
  });

  it('offers a hub manager its own hubs, everyone else all; no hub filter for a liaison', () => {
    const manager = setUp({ hubs: () => of(hubs) }, person('hub_manager', ['balkans'])).names;
    expect(manager.applicable().map((h) => h.id)).toEqual(['balkans']);
    expect(manager.filterApplies()).toBe(true);
    TestBed.resetTestingModule();
    const liaison = setUp({ hubs: () => of(hubs) }, person('city_liaison')).names;
    expect(liaison.filterApplies()).toBe(false);
    TestBed.resetTestingModule();
    const leader = setUp({ hubs: () => of(hubs) }, person('leadership')).names;
    expect(leader.applicable()).toHaveLength(3);
    expect(leader.filterApplies()).toBe(true);
  });
});

import { Component, input, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, Router, convertToParamMap, provideRouter } from '@angular/router';
import { DashboardGraph, DashboardMap, DashboardStories, DashboardSummary, UserSummary } from '@impact/contracts';
import { BehaviorSubject, of } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { LookupsApi } from '../shared/data/lookups.api';
import { user } from '../testing/auth-fixtures';
import { translocoTesting } from '../testing/transloco-testing';
import { CityMap } from './charts/city-map';
import { PeerGraph } from './charts/peer-graph';
import { TrendsChart } from './charts/trends-chart';
import { DashboardPage } from './dashboard.page';
import { GraphPanel, MapPanel, TrendsPanel } from './panels/chart-panels';
import { DashboardApi } from './data-access/dashboard.api';

// Charts draw on canvas (not in jsdom): stand-ins with the same inputs.
@Component({ selector: 'it-trends-chart', template: '' })
class TrendsStub {
  readonly months = input<unknown>();
  readonly locale = input<unknown>();
  readonly rtl = input<unknown>();
  readonly labels = input<unknown>();
}
@Component({ selector: 'it-city-map', template: '' })
class MapStub {
  readonly cities = input<unknown>();
  readonly locale = input<unknown>();
  readonly labels = input<unknown>();
  readonly focus = input<unknown>();
}
@Component({ selector: 'it-peer-graph', template: '' })
class GraphStub {
  readonly graph = input<unknown>();
  readonly description = input<unknown>();
  readonly edgeLabel = input<unknown>();
  readonly keyHint = input<unknown>();
}

const figures = {
  activeCities: 7,
  engagements: 1234,
  participants: { total: 500, mayors: 10, officials: 200, youth: 100, women: 150, communityLeaders: 40 },
  commitmentsByStatus: { pledged: 1, in_progress: 2, stalled: 3, achieved: 4, cancelled: 5 },
  commitmentsAchieved: 4,
  followUpsOverdue: 6,
  commitmentsAtRisk: 3,
  medianDaysToAchievement: 120.5,
  engagementsLedToCommitment: 617,
};
const summary: DashboardSummary = {
  filters: {},
  totals: figures,
  byHub: [{ hubId: 'hub-1', hubName: 'East & Southern Africa', ...figures }],
  refreshedAt: '2026-11-25T10:00:00.000Z',
};

const stories: DashboardStories = {
  byCategoryAndStatus: [
    { category: 'youth', status: 'draft', count: 2 },
    { category: 'peer_learning', status: 'published', count: 5 },
  ],
  achievedWithoutStory: [
    {
      id: 'cm-1',
      title: 'Youth council',
      cityId: 'city-1',
      cityName: 'Nansana',
      hubId: 'hub-1',
      achievedAt: '2026-10-01T09:00:00.000Z',
      updatedAt: '2026-10-01T09:00:00.000Z',
      ownerName: 'Amina',
    },
  ],
  figuresChanged: [],
};

async function render(
  who: UserSummary,
  query: Record<string, string>,
  opts: { stories?: DashboardStories; canCreate?: boolean; map?: DashboardMap; graph?: DashboardGraph } = {},
) {
  const params = new BehaviorSubject(convertToParamMap(query));
  const api = {
    summary: jest.fn(() => of(summary)),
    trends: jest.fn(() => of({ months: [] })),
    map: jest.fn(() => of(opts.map ?? { cities: [] })),
    graph: jest.fn(() => of(opts.graph ?? { nodes: [], edges: [] })),
    atRisk: jest.fn(() => of({ commitments: [], followUps: [] })),
    stories: jest.fn(() => of(opts.stories ?? stories)),
  };
  const can = jest.fn(() => opts.canCreate ?? true);
  TestBed.configureTestingModule({
    imports: [DashboardPage, translocoTesting()],
    providers: [
      provideRouter([]),
      { provide: ActivatedRoute, useValue: { queryParamMap: params, snapshot: { queryParamMap: params.value } } },
      { provide: DashboardApi, useValue: api },
      { provide: LookupsApi, useValue: { hubs: () => of([{ id: 'hub-1', code: 'esa', name: 'East & Southern Africa', version: 1 }]) } },
      { provide: AuthService, useValue: { user: signal(who), can } },
    ],
  });
  TestBed.overrideComponent(TrendsPanel, { remove: { imports: [TrendsChart] }, add: { imports: [TrendsStub] } });
  TestBed.overrideComponent(MapPanel, { remove: { imports: [CityMap] }, add: { imports: [MapStub] } });
  TestBed.overrideComponent(GraphPanel, { remove: { imports: [PeerGraph] }, add: { imports: [GraphStub] } });
  const router = TestBed.inject(Router);
  const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
  const fixture = TestBed.createComponent(DashboardPage);
  await fixture.whenStable();
  fixture.detectChanges();
  return { el: fixture.nativeElement as HTMLElement, api, navigate, can, fixture };
}

describe('DashboardPage', () => {
  it('shows each figure as a link to the list that holds it, with the same filters', async () => {
    const { el, api } = await render(user('leadership'), { hubId: 'hub-1', from: '2024-01-01', to: '2024-12-31' });
    expect(api.summary).toHaveBeenCalledWith({ hubId: 'hub-1', from: '2024-01-01', to: '2024-12-31' });
    const link = (kpi: string) => el.querySelector<HTMLAnchorElement>(`[data-kpi="${kpi}"] a.figure`);
    expect(link('engagements')?.textContent?.trim()).toBe('1,234');
    expect(link('engagements')?.getAttribute('href')).toBe('/engagements?hubId=hub-1&from=2024-01-01&to=2024-12-31');
    expect(link('activeCities')?.getAttribute('href')).toBe('/cities?hubId=hub-1&active=true&activeFrom=2024-01-01&activeTo=2024-12-31');
    expect(link('commitmentsAchieved')?.getAttribute('href')).toBe(
      '/commitments?hubId=hub-1&status=achieved&achievedFrom=2024-01-01&achievedTo=2024-12-31',
    );
    expect(link('commitmentsAtRisk')?.getAttribute('href')).toBe('/commitments?hubId=hub-1&atRisk=true');
    expect(link('followUpsOverdue')?.getAttribute('href')).toBe('/follow-ups?hubId=hub-1&overdue=true');
    expect(link('engagementsLedToCommitment')?.textContent?.trim()).toBe('50%');
    expect(link('medianDaysToAchievement')?.textContent?.trim()).toBe('120.5 days');
    const stalled = [...el.querySelectorAll<HTMLAnchorElement>('[data-kpi="commitmentsByStatus"] a')].find((a) =>
      a.getAttribute('href')?.includes('status=stalled'),
    );
    expect(stalled?.textContent?.trim()).toBe('3');
    expect(el.textContent).toContain('Figures as of');
  });

  it('explains every figure in a tooltip from the one KPI definition', async () => {
    const { el } = await render(user('leadership'), {});
    const info = el.querySelector('[data-kpi="activeCities"] button.info');
    expect(info?.getAttribute('aria-label')).toBe('About: Active cities');
  });

  it('lands a hub manager on its hub', async () => {
    const { navigate } = await render(user('hub_manager', { hubIds: ['hub-1'] }), {});
    expect(navigate).toHaveBeenCalledWith([], expect.objectContaining({ queryParams: { hubId: 'hub-1' }, replaceUrl: true }));
  });

  it('keeps a hub manager on "all hubs" when the URL says so', async () => {
    const { navigate, api } = await render(user('hub_manager', { hubIds: ['hub-1'] }), { hubId: 'all' });
    expect(navigate).not.toHaveBeenCalled();
    expect(api.summary).toHaveBeenCalledWith({});
  });

  it('shows stories by category and status, each count a door to the story desk narrowed to the same hub', async () => {
    const { el, api } = await render(user('leadership'), { hubId: 'hub-1', from: '2024-01-01' });
    expect(api.stories).toHaveBeenCalledWith({ hubId: 'hub-1' });
    const cells = [...el.querySelectorAll<HTMLAnchorElement>('[data-testid="stories-table"] td a')];
    const youthDraft = cells.find((a) => a.getAttribute('href') === '/story-desk?category=youth&status=draft&hubId=hub-1');
    expect(youthDraft?.textContent?.trim()).toBe('2');
    expect(
      cells.find((a) => a.getAttribute('href') === '/story-desk?category=peer_learning&status=published&hubId=hub-1')?.textContent?.trim(),
    ).toBe('5');
    expect(cells.some((a) => a.getAttribute('href')?.includes('status=archived'))).toBe(false);
  });

  it('lists achieved commitments without a story for a hub manager, with a door to draft one', async () => {
    const { el, can } = await render(user('hub_manager', { hubIds: ['hub-1'] }), { hubId: 'hub-1' });
    const item = el.querySelector('[data-testid="without-story"] li');
    expect(item?.querySelector('a')?.getAttribute('href')).toBe('/commitments/cm-1');
    expect(item?.querySelector('[data-testid="draft-story"]')?.getAttribute('href')).toBe('/story-desk/new?commitmentId=cm-1');
    expect(can).toHaveBeenCalledWith('stories', 'create', { hubIds: ['hub-1'], cityIds: ['city-1'] });
  });

  it('hides the draft door when the user may not create the story', async () => {
    const { el } = await render(user('leadership'), {}, { canCreate: false });
    expect(el.querySelector('[data-testid="without-story"] li')).not.toBeNull();
    expect(el.querySelector('[data-testid="draft-story"]')).toBeNull();
  });

  it('keeps the list from a liaison, and says so kindly when there is nothing to show', async () => {
    const { el } = await render(
      user('city_liaison', { cityIds: ['city-1'] }),
      {},
      { stories: { byCategoryAndStatus: [], achievedWithoutStory: [], figuresChanged: [] } },
    );
    expect(el.querySelector('[data-testid="without-story"]')).toBeNull();
    expect(el.querySelector('[data-testid="dashboard-stories"]')?.textContent).toContain('No stories yet');
  });

  it('says when every achieved commitment already has a story', async () => {
    const { el } = await render(user('admin'), {}, { stories: { byCategoryAndStatus: [], achievedWithoutStory: [], figuresChanged: [] } });
    expect(el.querySelector('[data-testid="dashboard-stories"]')?.textContent).toContain('already has a story');
  });

  describe('date range', () => {
    async function type(
      fixture: { whenStable(): Promise<unknown>; detectChanges(): void },
      el: HTMLElement,
      end: 'from' | 'to',
      text: string,
    ) {
      const field = el.querySelector<HTMLInputElement>(`[data-testid="range-${end}"]`) as HTMLInputElement;
      // One input event per keystroke, then leaving the field (the browser's change event).
      for (let i = 1; i <= text.length; i++) {
        field.value = text.slice(0, i);
        field.dispatchEvent(new Event('input'));
      }
      field.dispatchEvent(new Event('change'));
      field.dispatchEvent(new Event('blur'));
      fixture.detectChanges();
      await fixture.whenStable();
      fixture.detectChanges();
    }
    const ranged = (navigate: jest.SpyInstance) => navigate.mock.calls.filter(([, extras]) => 'from' in (extras?.queryParams ?? {}));

    it('applies nothing for half a date and says what a whole one looks like', async () => {
      const { el, navigate, fixture } = await render(user('leadership'), {});
      await type(fixture, el, 'from', '3/1');
      expect(ranged(navigate)).toEqual([]);
      expect(el.querySelector('[data-testid="range-from-error"]')?.textContent?.trim()).toBe(
        'Enter a whole date, for example 12/31/' + new Date().getFullYear() + '.',
      );
    });

    it('applies a whole day once, when the field is left', async () => {
      const { el, navigate, fixture } = await render(user('leadership'), { to: '2025-12-31' });
      await type(fixture, el, 'from', '3/1/2025');
      expect(ranged(navigate)).toEqual([[[], { queryParams: { from: '2025-03-01', to: '2025-12-31' }, queryParamsHandling: 'merge' }]]);
    });

    it('refuses an end before the start, and says so', async () => {
      const { el, navigate, fixture } = await render(user('leadership'), { from: '2025-06-01' });
      await type(fixture, el, 'to', '1/15/2025');
      expect(ranged(navigate)).toEqual([]);
      expect(el.querySelector('[data-testid="range-to-error"]')?.textContent?.trim()).toBe('“To” cannot be before “From”.');
    });
  });

  describe('table views', () => {
    const map: DashboardMap = {
      cities: [
        {
          id: 'c1',
          name: 'Nansana',
          countryCode: 'UG',
          hubId: 'hub-1',
          latitude: 0.36,
          longitude: 32.53,
          engagements: 3,
          furthestStatus: 'in_progress',
        },
      ],
    };
    const graph: DashboardGraph = {
      nodes: [
        { id: 'c1', name: 'Nansana', hubId: 'hub-1' },
        { id: 'c2', name: 'Cape Town', hubId: 'hub-1' },
      ],
      edges: [{ source: 'c2', target: 'c1', weight: 2 }],
    };
    const choose = (el: HTMLElement, toggle: string, view: 'Chart' | 'Table') =>
      [...el.querySelectorAll<HTMLButtonElement>(`[data-testid="${toggle}"] button`)].find((b) => b.textContent?.includes(view))?.click();

    it('shows the map as a table of cities with hub and counts, behind a labelled switch', async () => {
      const { el, fixture } = await render(user('leadership'), {}, { map, graph });
      expect(el.querySelector('[data-testid="map-view"]')?.getAttribute('aria-label')).toBe('Show the cities as');
      expect(el.querySelector('[data-testid="map-table"]')).toBeNull();
      choose(el, 'map-view', 'Table');
      fixture.detectChanges();
      const cells = [...el.querySelectorAll('[data-testid="map-table"] tbody tr > *')].map((c) => c.textContent?.trim());
      expect(cells).toEqual(['Nansana', 'East & Southern Africa', '3', expect.stringContaining('In progress')]);
      expect(el.querySelector('[data-testid="map-table"] a')?.getAttribute('href')).toBe('/cities/c1');
      expect(el.querySelector('it-city-map')).toBeNull();
    });

    it('shows peer learning as "who learned from whom"', async () => {
      const { el, fixture } = await render(user('leadership'), {}, { map, graph });
      choose(el, 'graph-view', 'Table');
      fixture.detectChanges();
      const cells = [...el.querySelectorAll('[data-testid="graph-table"] tbody tr > *')].map((c) => c.textContent?.trim());
      expect(cells).toEqual(['Cape Town', 'Nansana', '2']);
      choose(el, 'graph-view', 'Chart');
      fixture.detectChanges();
      expect(el.querySelector('[data-testid="graph-table"]')).toBeNull();
      expect(el.querySelector('it-peer-graph')).not.toBeNull();
    });
  });
});

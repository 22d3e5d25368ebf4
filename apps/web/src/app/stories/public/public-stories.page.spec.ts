import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { PublicStory, PublicStoryFacets, PublicStoryList } from '@impact/contracts';
import { translocoTesting } from '../../testing/transloco-testing';
import { PublicStoriesPage } from './public-stories.page';

function story(n: number): PublicStory {
  return {
    id: `s${n}`,
    title: `Story ${n}`,
    category: 'peer_learning',
    language: 'en',
    hub: { id: 'h1', name: 'East & Southern Africa' },
    cities: [{ id: `c${n}`, name: `City ${n}`, countryCode: 'UG' }],
    summary: `Summary ${n}`,
    body: '',
    bodyHtml: '',
    quotes: [],
    figures: [],
    publishedAt: '2026-11-01T00:00:00Z',
    updatedAt: null,
    revision: 1,
    translations: [],
  };
}

const pageOf = (page: number, numbers: number[], total: number): PublicStoryList => ({
  items: numbers.map(story),
  total,
  page,
  pageSize: 2,
});

const facets: PublicStoryFacets = {
  stories: 3,
  hubs: [{ id: 'h1', name: 'East & Southern Africa', names: { fr: 'Afrique de l’Est et australe' } }],
  cities: [{ id: 'c1', name: 'City 1', countryCode: 'UG' }],
  languages: ['en'],
};

async function render() {
  TestBed.configureTestingModule({
    imports: [PublicStoriesPage, translocoTesting()],
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
  });
  const fixture = TestBed.createComponent(PublicStoriesPage);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  http.expectOne('/api/public/stories/facets').flush(facets);
  const el = fixture.nativeElement as HTMLElement;
  const titles = () => [...el.querySelectorAll('.it-title')].map((t) => t.textContent?.trim());
  const moreButton = () => [...el.querySelectorAll('button')].find((b) => b.textContent?.includes('Show more stories'));
  const settle = async () => {
    await fixture.whenStable();
    fixture.detectChanges();
  };
  return { fixture, http, el, titles, moreButton, settle, router: TestBed.inject(Router) };
}

describe('PublicStoriesPage', () => {
  it('shows the first page, then appends the next page when the reader asks for more, and stops at the total', async () => {
    const { http, el, titles, moreButton, settle } = await render();
    http.expectOne((r) => r.url === '/api/public/stories' && r.params.get('page') === '1').flush(pageOf(1, [1, 2], 3));
    await settle();
    expect(titles()).toEqual(['Story 1', 'Story 2']);
    expect(el.textContent).toContain('Showing 2 of 3 stories');
    expect(el.textContent).toContain('3 stories match');
    expect(el.textContent).toContain('3 stories from 1 city');

    moreButton()?.click();
    http.expectOne((r) => r.url === '/api/public/stories' && r.params.get('page') === '2').flush(pageOf(2, [3], 3));
    await settle();
    expect(titles()).toEqual(['Story 1', 'Story 2', 'Story 3']);
    expect(moreButton()).toBeUndefined();
    http.verify();
  });

  it('keeps what it has and offers to try again when a further page fails', async () => {
    const { http, el, titles, moreButton, settle } = await render();
    http.expectOne((r) => r.params.get('page') === '1').flush(pageOf(1, [1, 2], 3));
    await settle();
    moreButton()?.click();
    http.expectOne((r) => r.params.get('page') === '2').flush('down', { status: 503, statusText: 'Unavailable' });
    await settle();
    expect(titles()).toEqual(['Story 1', 'Story 2']);
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('More stories could not be loaded');
    moreButton()?.click();
    http.expectOne((r) => r.params.get('page') === '2').flush(pageOf(2, [3], 3));
    await settle();
    expect(titles()).toEqual(['Story 1', 'Story 2', 'Story 3']);
  });

  it('asks the server for the URL’s filters (the reader’s language when none is chosen), and says when nothing matches', async () => {
    const { http, el, titles, settle, router } = await render();
    const first = http.expectOne((r) => r.url === '/api/public/stories');
    expect(first.request.params.get('preferLanguage')).toBe('en');
    expect(first.request.params.get('pageSize')).toBe('12');
    expect(first.request.params.has('hubId')).toBe(false);
    first.flush(pageOf(1, [1, 2], 2));
    await settle();

    await router.navigate([], { queryParams: { hubId: 'h1', q: 'watch', language: 'fr' } });
    await settle();
    const filtered = http.expectOne((r) => r.url === '/api/public/stories');
    expect(filtered.request.params.get('hubId')).toBe('h1');
    expect(filtered.request.params.get('q')).toBe('watch');
    expect(filtered.request.params.get('language')).toBe('fr');
    expect(filtered.request.params.has('preferLanguage')).toBe(false);
    expect(filtered.request.params.get('page')).toBe('1');
    filtered.flush(pageOf(1, [], 0));
    await settle();
    expect(titles()).toEqual([]);
    expect(el.textContent).toContain('No story matches these filters.');
    expect((el.querySelector('[data-testid="public-story-search"]') as HTMLInputElement).value).toBe('watch');
    http.verify();
  });
});

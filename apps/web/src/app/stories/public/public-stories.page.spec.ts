import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { PublicStory, PublicStoryList } from '@impact/contracts';
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

async function render() {
  TestBed.configureTestingModule({
    imports: [PublicStoriesPage, translocoTesting()],
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
  });
  const fixture = TestBed.createComponent(PublicStoriesPage);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  const titles = () => [...el.querySelectorAll('.it-title')].map((t) => t.textContent?.trim());
  const moreButton = () => [...el.querySelectorAll('button')].find((b) => b.textContent?.includes('Show more stories'));
  const settle = async () => {
    await fixture.whenStable();
    fixture.detectChanges();
  };
  return { fixture, http, el, titles, moreButton, settle };
}

describe('PublicStoriesPage', () => {
  it('shows the first page, then appends the next page when the reader asks for more, and stops at the total', async () => {
    const { http, el, titles, moreButton, settle } = await render();
    http.expectOne((r) => r.url === '/api/public/stories' && r.params.get('page') === '1').flush(pageOf(1, [1, 2], 3));
    await settle();
    expect(titles()).toEqual(['Story 1', 'Story 2']);
    expect(el.textContent).toContain('Loaded 2 of 3 published versions');

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
});

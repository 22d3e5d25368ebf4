import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { SearchResults } from '@impact/contracts';
import { translocoTesting } from '../testing/transloco-testing';
import { SEARCH_BOX_DEBOUNCE_MS, SearchBox } from './search-box';

@Component({ selector: 'it-blank', template: '' })
class Blank {}

@Component({
  imports: [SearchBox],
  template: `<it-search-box [compact]="compact()" /><input data-testid="other" />`,
})
class Host {
  readonly compact = signal(false);
}

const answer: SearchResults = {
  groups: [
    { kind: 'cities', total: 1, more: false, items: [{ id: 'c1', title: 'Cape Town', subtitle: 'ZA', link: '/cities/c1' }] },
    { kind: 'engagements', total: 0, more: false, items: [] },
    {
      kind: 'commitments',
      total: 7,
      more: false,
      items: [
        { id: 'k1', title: 'Youth desk in Cape Town', subtitle: 'Cape Town', link: '/commitments/k1' },
        { id: 'k2', title: 'Cape Town dialogue series', subtitle: null, link: '/commitments/k2' },
      ],
    },
  ],
};

async function render(compact = false) {
  TestBed.configureTestingModule({
    imports: [Host, translocoTesting()],
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', component: Blank }])],
  });
  const fixture = TestBed.createComponent(Host);
  fixture.componentInstance.compact.set(compact);
  fixture.detectChanges();
  await fixture.whenStable();
  const http = TestBed.inject(HttpTestingController);
  const el = fixture.nativeElement as HTMLElement;
  const input = () => el.querySelector<HTMLInputElement>('[data-testid="search-input"]');
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  const type = async (text: string) => {
    const field = input();
    if (!field) throw new Error('no search field');
    field.focus();
    field.dispatchEvent(new Event('focusin'));
    field.value = text;
    field.dispatchEvent(new Event('input'));
    await settle();
  };
  const wait = async (ms: number) => {
    jest.advanceTimersByTime(ms);
    await settle();
  };
  const panelText = () => document.querySelector('.it-search-panel')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return { fixture, http, el, input, type, wait, settle, panelText };
}

describe('SearchBox', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('asks once typing settles, drops a stale request, and shows the matches grouped by kind', async () => {
    const { http, type, wait, panelText } = await render();

    await type('ca');
    await type('cap');
    http.expectNone(() => true);
    await wait(SEARCH_BOX_DEBOUNCE_MS);
    const first = http.expectOne((r) => r.url === '/api/search' && r.params.get('q') === 'cap');

    await type('cape town ');
    await wait(SEARCH_BOX_DEBOUNCE_MS);
    expect(first.cancelled).toBe(true);
    http.expectOne((r) => r.url === '/api/search' && r.params.get('q') === 'cape town').flush(answer);
    await wait(0);

    const groups = [...document.querySelectorAll<HTMLElement>('.it-search-panel mat-optgroup')];
    expect(groups.map((g) => g.getAttribute('data-kind'))).toEqual(['cities', 'commitments']);
    expect(groups[0].querySelector('.mat-mdc-optgroup-label')?.textContent?.trim()).toBe('Cities (1 match)');
    // A city's country code reads as the country's name.
    expect(groups[0].querySelector('.it-search-subtitle')?.textContent?.trim()).toBe('South Africa');
    expect(groups[1].querySelector('.mat-mdc-optgroup-label')?.textContent?.trim()).toBe('Commitments (7 matches)');
    expect([...groups[1].querySelectorAll('.it-search-title')].map((t) => t.textContent?.trim())).toEqual([
      'Youth desk in Cape Town',
      'Cape Town dialogue series',
    ]);
    expect(panelText()).not.toContain('Engagements');
  });

  it('shows a count the server stopped at its cap as "1,000+", in the group and in what is announced', async () => {
    const { el, http, type, wait } = await render();
    await type('commitment');
    await wait(SEARCH_BOX_DEBOUNCE_MS);
    http
      .expectOne((r) => r.params.get('q') === 'commitment')
      .flush({
        groups: [
          { kind: 'cities', total: 1, more: false, items: [{ id: 'c1', title: 'Commitment Town', subtitle: 'ZA', link: '/cities/c1' }] },
          {
            kind: 'commitments',
            total: 1000,
            more: true,
            items: [{ id: 'k1', title: 'Commitment 1', subtitle: null, link: '/commitments/k1' }],
          },
        ],
      } satisfies SearchResults);
    await wait(0);
    const labels = [...document.querySelectorAll<HTMLElement>('.it-search-panel .mat-mdc-optgroup-label')].map((l) =>
      l.textContent?.trim(),
    );
    expect(labels).toEqual(['Cities (1 match)', 'Commitments (1,000+ matches)']);
    expect(el.querySelector('[aria-live]')?.textContent?.trim()).toBe('1,001+ results');
  });

  it('opens the picked record and clears the field', async () => {
    const { http, type, wait, input, settle } = await render();
    await type('cape');
    await wait(SEARCH_BOX_DEBOUNCE_MS);
    http.expectOne((r) => r.url === '/api/search').flush(answer);
    await wait(0);

    const option = document.querySelectorAll<HTMLElement>('.it-search-panel mat-option')[1];
    option.click();
    // Navigation settles on real timers.
    jest.useRealTimers();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/commitments/k1');
    expect(input()?.value).toBe('');
  });

  it('says how much to type before searching, and when nothing matches', async () => {
    const { http, type, wait, panelText } = await render();
    await type('c');
    await wait(SEARCH_BOX_DEBOUNCE_MS);
    http.expectNone(() => true);
    expect(panelText()).toContain('Type at least 2 characters to search cities');

    await type('zzqx');
    await wait(SEARCH_BOX_DEBOUNCE_MS);
    http
      .expectOne((r) => r.params.get('q') === 'zzqx')
      .flush({
        groups: [
          { kind: 'cities', total: 0, more: false, items: [] },
          { kind: 'stories', total: 0, more: false, items: [] },
        ],
      } satisfies SearchResults);
    await wait(0);
    expect(panelText()).toContain('Nothing found for “zzqx”.');
  });

  it('focuses on "/" from the page, but leaves a "/" typed in another field alone', async () => {
    const { el, input, settle } = await render();
    const other = el.querySelector<HTMLInputElement>('[data-testid="other"]');
    other?.focus();
    other?.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true }));
    await settle();
    expect(document.activeElement).toBe(other);

    document.body.focus();
    const slash = new KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true });
    document.body.dispatchEvent(slash);
    await settle();
    await jest.runAllTimersAsync();
    expect(slash.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(input());
  });

  it('is an icon button on a phone that opens the field and closes back to the button', async () => {
    const { el, input, settle } = await render(true);
    expect(input()).toBeNull();
    const opener = el.querySelector<HTMLButtonElement>('[data-testid="search-open"]');
    expect(opener?.getAttribute('aria-label')).toBe('Search');
    opener?.click();
    await settle();
    expect(input()).not.toBeNull();
    expect(document.activeElement).toBe(input());

    el.querySelector<HTMLButtonElement>('button[aria-label="Close search"]')?.click();
    await settle();
    expect(input()).toBeNull();
    expect(document.activeElement).toBe(el.querySelector('[data-testid="search-open"]'));
  });
});

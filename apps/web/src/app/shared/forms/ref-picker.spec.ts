import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { Ref } from '@impact/contracts';
import { translocoTesting } from '../../testing/transloco-testing';
import { RefPicker } from './ref-picker';

@Component({
  imports: [RefPicker],
  template: `<it-ref-picker [control]="control" label="fields.inspiredBy" lookup="engagements" [near]="near()" multiple />`,
})
class Host {
  readonly control = new FormControl<Ref[]>([], { nonNullable: true });
  readonly near = signal<string | null>('city-nansana');
}

const page = (items: { id: string; title: string; startDate: string }[]) => ({ items, total: items.length, page: 1, pageSize: 50 });

async function render() {
  TestBed.configureTestingModule({ imports: [Host, translocoTesting()], providers: [provideHttpClient(), provideHttpClientTesting()] });
  const fixture = TestBed.createComponent(Host);
  const http = TestBed.inject(HttpTestingController);
  const settle = async (ms = 0) => {
    jest.advanceTimersByTime(ms);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  await settle();
  const input = (fixture.nativeElement as HTMLElement).querySelector('input') as HTMLInputElement;
  input.focus();
  input.dispatchEvent(new Event('focusin'));
  await settle();
  // Each option as its title and, after a bar, its date hint.
  const options = () =>
    [...document.querySelectorAll('mat-option')].map((o) =>
      [o.querySelector('bdi') ?? o, o.querySelector('.it-option-hint bdi')]
        .filter((part) => part !== null)
        .map((part) => part.textContent?.trim())
        .join(' | '),
    );
  /** Answers the two searches of a city's picker: the city's own engagements, then all. */
  const answer = (cityId: string, near: { id: string; title: string; startDate: string }[]) => {
    http.expectOne((r) => r.params.get('cityId') === cityId).flush(page(near));
    http.expectOne((r) => r.url.endsWith('/engagements') && !r.params.has('cityId')).flush(page([]));
  };
  return { fixture, http, settle, options, answer };
}

describe('RefPicker', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('drops the last city’s engagements as soon as another city is chosen, and lists the new city’s once they arrive', async () => {
    const { fixture, settle, options, answer } = await render();
    await settle(250);
    answer('city-nansana', [{ id: 'e1', title: 'Nansana youth dialogue', startDate: '2024-03-04' }]);
    await settle();
    expect(options()).toEqual(['Nansana youth dialogue | Mar 4, 2024']);

    fixture.componentInstance.near.set('city-cape-town');
    await settle();
    // Before the new search has even been sent, nothing of Nansana is offered for Cape Town.
    expect(options().join()).not.toContain('Nansana');

    await settle(250);
    expect(options()).toEqual(['Loading…']);
    answer('city-cape-town', [{ id: 'e2', title: 'Cape Town learning visit', startDate: '2023-11-20' }]);
    await settle();
    expect(options()).toEqual(['Cape Town learning visit | Nov 20, 2023']);
  });
});

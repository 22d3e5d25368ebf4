import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { translocoTesting } from '../../testing/transloco-testing';
import { DateFilter } from './list-parts';

@Component({
  imports: [DateFilter],
  template: `<it-date-filter label="From" [value]="value()" (picked)="picks.push($event)" />`,
})
class Host {
  readonly value = signal<string | null>(null);
  readonly picks: (string | null)[] = [];
}

describe('DateFilter', () => {
  async function render() {
    TestBed.configureTestingModule({ imports: [Host, translocoTesting()] });
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const input = el.querySelector('input') as HTMLInputElement;
    const type = async (text: string) => {
      input.value = text;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('change'));
      input.dispatchEvent(new Event('blur'));
      fixture.detectChanges();
      await fixture.whenStable();
    };
    return { fixture, el, input, type, host: fixture.componentInstance };
  }

  it('applies a whole day, in the language’s order', async () => {
    const { type, host } = await render();
    await type('12/31/2025');
    expect(host.picks).toEqual(['2025-12-31']);
  });

  it('applies nothing for a half-typed day and says what a whole one looks like', async () => {
    const { type, host, el } = await render();
    await type('3/1');
    expect(host.picks).toEqual([]);
    expect(
      el
        .querySelector('mat-error')
        ?.textContent?.replace(/[\u2068\u2069]/g, '')
        .trim(),
    ).toMatch(/^Enter a whole date, for example 12\/31\/\d{4}\.$/);
  });

  it('shows the day the URL holds, and empties when the URL drops it', async () => {
    const { fixture, host, input } = await render();
    host.value.set('2025-01-31');
    fixture.detectChanges();
    await fixture.whenStable();
    expect(input.value).toBe('1/31/2025');
    host.value.set(null);
    fixture.detectChanges();
    await fixture.whenStable();
    expect(input.value).toBe('');
  });
});

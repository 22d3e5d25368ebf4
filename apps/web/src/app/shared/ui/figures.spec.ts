import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { translocoTesting } from '../../testing/transloco-testing';
import { Figure, FigureRange, Ratio } from './figures';

@Component({
  imports: [Figure, FigureRange, Ratio],
  template: `
    <p>Trained: <it-figure [value]="value()" [unit]="unit()" /></p>
    <p>Led to a commitment: <it-ratio [n]="14" [total]="1047" /></p>
    <p>Progress: <it-range [from]="55" [to]="100" /></p>
    <p>When: <it-range from="4 Dec" to="6 Dec" mark="dash" /></p>
  `,
})
class Host {
  readonly value = signal<number | null>(1500);
  readonly unit = signal<string | null>('people trained');
}

async function render() {
  TestBed.configureTestingModule({ imports: [translocoTesting()] });
  const fixture = TestBed.createComponent(Host);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  return { fixture, el, q: (selector: string) => el.querySelector(selector) as HTMLElement };
}

describe('figures inside a sentence', () => {
  it('keeps a number and its unit together in one isolate whose direction the unit sets', async () => {
    const { fixture, q } = await render();
    expect(q('it-figure').textContent).toBe('1,500 people trained');
    expect(q('it-figure').getAttribute('dir')).toBe('auto');
    fixture.componentInstance.unit.set(null);
    await fixture.whenStable();
    expect(q('it-figure').textContent).toBe('1,500');
  });

  it('writes a ratio left to right, as a fraction is written', async () => {
    const { q } = await render();
    expect(q('it-ratio').textContent).toBe('14 / 1,047');
    expect(q('it-ratio').getAttribute('dir')).toBe('ltr');
  });

  it('isolates both ends of a range and says "to" to screen readers instead of the arrow', async () => {
    const { q, el } = await render();
    const range = q('it-range');
    expect(range.querySelector('.it-range-from')?.tagName).toBe('BDI');
    expect(range.querySelector('.it-range-from')?.textContent).toBe('55');
    expect(range.querySelector('.it-range-to')?.textContent).toBe('100');
    const arrow = range.querySelector('.it-range-mark') as HTMLElement;
    expect(arrow.textContent).toBe('→');
    expect(arrow.getAttribute('aria-hidden')).toBe('true');
    // The arrow turns around in right-to-left pages (styles.scss mirrors `.it-flip-rtl`).
    expect(arrow.classList).toContain('it-flip-rtl');
    expect(range.querySelector('.it-visually-hidden')?.textContent?.trim()).toBe('to');
    const dates = el.querySelectorAll('it-range')[1] as HTMLElement;
    expect(dates.querySelector('.it-range-mark')?.textContent).toBe('–');
    expect(dates.querySelector('.it-range-mark')?.classList).not.toContain('it-flip-rtl');
  });
});

import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { translocoTesting } from '../../testing/transloco-testing';
import { EditAction } from './row-action';

@Component({
  imports: [EditAction],
  template: `<it-edit-action [look]="look()" name="Nansana" (act)="acted = acted + 1" />`,
})
class Host {
  readonly look = signal<'icon' | 'text' | 'outlined'>('icon');
  acted = 0;
}

describe('EditAction', () => {
  async function render(look: 'icon' | 'text' | 'outlined') {
    TestBed.configureTestingModule({ imports: [Host, translocoTesting()] });
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.look.set(look);
    await fixture.whenStable();
    const button = (fixture.nativeElement as HTMLElement).querySelector('button') as HTMLButtonElement;
    return { button, host: fixture.componentInstance };
  }

  it('in a row: an icon button named for the record', async () => {
    const { button, host } = await render('icon');
    expect(button.getAttribute('aria-label')).toBe('Edit Nansana');
    expect(button.textContent?.trim()).toBe('edit');
    button.click();
    expect(host.acted).toBe(1);
  });

  it('on a card or a page heading: a button that says Edit, outlined on the heading', async () => {
    const text = await render('text');
    expect(text.button.textContent?.replace('edit', '').trim()).toBe('Edit');
    expect(text.button.classList).not.toContain('mat-mdc-outlined-button');
    TestBed.resetTestingModule();
    const outlined = await render('outlined');
    expect(outlined.button.classList).toContain('mat-mdc-outlined-button');
    outlined.button.click();
    expect(outlined.host.acted).toBe(1);
  });
});

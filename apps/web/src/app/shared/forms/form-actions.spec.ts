import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialogRef } from '@angular/material/dialog';
import { translocoTesting } from '../../testing/transloco-testing';
import { FormActions } from './form-actions';

@Component({
  imports: [FormActions],
  template: `
    <form (submit)="$event.preventDefault(); submitted = submitted + 1">
      <it-form-actions [saving]="saving()" [submitLabel]="label()" />
    </form>
  `,
})
class Host {
  readonly saving = signal(false);
  readonly label = signal('common.save');
  submitted = 0;
}

describe('FormActions', () => {
  async function render() {
    const close = jest.fn();
    TestBed.configureTestingModule({ imports: [Host, translocoTesting()], providers: [{ provide: MatDialogRef, useValue: { close } }] });
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const buttons = () => [...(fixture.nativeElement as HTMLElement).querySelectorAll('button')];
    return { fixture, close, buttons, host: fixture.componentInstance };
  }

  it('submits the form it stands in, and says so while saving', async () => {
    const { fixture, buttons, host } = await render();
    const submit = buttons()[1];
    expect(buttons().map((b) => b.textContent?.trim())).toEqual(['Cancel', 'Save']);
    submit.click();
    expect(host.submitted).toBe(1);
    host.saving.set(true);
    await fixture.whenStable();
    expect(submit.textContent?.trim()).toBe('Saving…');
    expect(submit.disabled).toBe(true);
  });

  it('names the step it takes, and Cancel closes the dialog without a result', async () => {
    const { fixture, buttons, host, close } = await render();
    host.label.set('users.dialog.create');
    await fixture.whenStable();
    expect(buttons()[1].textContent?.trim()).toBe('Add user');
    buttons()[0].click();
    expect(close).toHaveBeenCalledWith(undefined);
    expect(host.submitted).toBe(0);
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { CommitmentListItem, CommitmentStatus } from '@impact/contracts';
import { translocoTesting } from '../testing/transloco-testing';
import { StatusStepper, pathFor } from './status-stepper';
import { TransitionDialog, TransitionDialogData } from './transition-dialog';

@Component({
  imports: [StatusStepper],
  template: `<it-status-stepper [status]="status()" [canMove]="canMove()" (step)="chosen.set($event)" />`,
})
class Host {
  readonly status = signal<CommitmentStatus>('pledged');
  readonly canMove = signal(true);
  readonly chosen = signal<CommitmentStatus | null>(null);
}

async function renderStepper(status: CommitmentStatus, canMove = true) {
  TestBed.configureTestingModule({ imports: [translocoTesting()] });
  const fixture = TestBed.createComponent(Host);
  fixture.componentInstance.status.set(status);
  fixture.componentInstance.canMove.set(canMove);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const steps = () => [...el.querySelectorAll<HTMLButtonElement>('button.it-next-step')].map((b) => b.dataset['to']);
  return { fixture, el, steps };
}

describe('StatusStepper', () => {
  it.each<[CommitmentStatus, string[]]>([
    ['pledged', ['in_progress', 'cancelled']],
    ['in_progress', ['stalled', 'achieved', 'cancelled']],
    ['stalled', ['in_progress', 'cancelled']],
    ['achieved', []],
    ['cancelled', []],
  ])('from %s offers only the steps the workflow table allows', async (status, allowed) => {
    const { steps } = await renderStepper(status);
    expect(steps()).toEqual(allowed);
  });

  it('marks the current status on the path and says when it is final', async () => {
    const { el } = await renderStepper('achieved');
    expect(el.querySelector('[aria-current="step"]')?.textContent).toContain('Achieved');
    expect(el.textContent).toContain('final status');
  });

  it('shows no buttons to someone who may not move the commitment', async () => {
    const { steps } = await renderStepper('in_progress', false);
    expect(steps()).toEqual([]);
  });

  it('calls going back to work after a stall "Resume work"', async () => {
    const { el } = await renderStepper('stalled');
    expect(el.querySelector('button[data-to="in_progress"]')?.textContent).toContain('Resume work');
  });

  it('emits the chosen step', async () => {
    const { el, fixture } = await renderStepper('in_progress');
    el.querySelector<HTMLButtonElement>('button[data-to="achieved"]')?.click();
    expect(fixture.componentInstance.chosen()).toBe('achieved');
  });

  it('draws stalled and cancelled as detours of the main path', () => {
    expect(pathFor('stalled')).toEqual(['pledged', 'in_progress', 'stalled', 'achieved']);
    expect(pathFor('cancelled')).toEqual(['pledged', 'cancelled']);
  });
});

describe('TransitionDialog', () => {
  const commitment = { id: 'c1', title: 'Local Safety Council', status: 'in_progress' } as CommitmentListItem;

  async function renderDialog(to: CommitmentStatus) {
    const close = jest.fn();
    TestBed.configureTestingModule({
      imports: [TransitionDialog, translocoTesting()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: { commitment, to } satisfies TransitionDialogData },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    const fixture = TestBed.createComponent(TransitionDialog);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const note = el.querySelector('textarea') as HTMLTextAreaElement;
    const submit = async () => {
      el.querySelector('form')?.dispatchEvent(new Event('submit'));
      await fixture.whenStable();
    };
    return { el, note, submit, close, fixture, http: TestBed.inject(HttpTestingController) };
  }

  it('requires a note before anything is sent', async () => {
    const { el, submit, http, close } = await renderDialog('achieved');
    await submit();
    http.expectNone('/api/commitments/c1/transitions');
    expect(close).not.toHaveBeenCalled();
    expect(el.querySelector('mat-error')?.textContent).toContain('This is required.');
  });

  it('sends the step with its note and closes with the moved commitment', async () => {
    const { note, submit, http, close } = await renderDialog('stalled');
    note.value = 'Mayor changed; council on hold';
    note.dispatchEvent(new Event('input'));
    await submit();
    const req = http.expectOne('/api/commitments/c1/transitions');
    expect(req.request.body).toEqual({ to: 'stalled', note: 'Mayor changed; council on hold' });
    req.flush({ ...commitment, status: 'stalled' });
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ status: 'stalled' }));
  });

  it('shows the server’s 422 message and keeps the note', async () => {
    const { el, note, submit, http, close, fixture } = await renderDialog('achieved');
    note.value = 'Launched in June';
    note.dispatchEvent(new Event('input'));
    await submit();
    http
      .expectOne('/api/commitments/c1/transitions')
      .flush(
        { statusCode: 422, error: 'Unprocessable Entity', message: 'Record at least one outcome before marking this commitment achieved.' },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    await fixture.whenStable();
    expect(close).not.toHaveBeenCalled();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Record at least one outcome');
    expect(note.value).toBe('Launched in June');
  });
});

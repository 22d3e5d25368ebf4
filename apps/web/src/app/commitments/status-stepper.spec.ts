import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { CommitmentListItem, CommitmentStatus, FollowUpListItem } from '@impact/contracts';
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
    ['achieved', ['in_progress']],
    ['cancelled', []],
  ])('from %s offers only the steps the workflow table allows', async (status, allowed) => {
    const { steps } = await renderStepper(status);
    expect(steps()).toEqual(allowed);
  });

  it('marks the current status on the path and says when it is final', async () => {
    const { el } = await renderStepper('cancelled');
    expect(el.querySelector('[aria-current="step"]')?.textContent).toContain('Cancelled');
    expect(el.textContent).toContain('final status');
  });

  it('offers to reopen an achieved commitment (back to in progress), not to call it final', async () => {
    const { el } = await renderStepper('achieved');
    expect(el.querySelector('[aria-current="step"]')?.textContent).toContain('Achieved');
    expect(el.querySelector('button[data-to="in_progress"]')?.textContent).toContain('Reopen (back to in progress)');
    expect(el.textContent).not.toContain('final status');
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

  const openFollowUp = (id: string, title: string, version: number) => ({ id, title, version, status: 'open' }) as FollowUpListItem;

  /** An achievement first reads the commitment's open follow-ups (`open`). */
  async function renderDialog(to: CommitmentStatus, open: FollowUpListItem[] = []) {
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
    const http = TestBed.inject(HttpTestingController);
    fixture.detectChanges();
    if (to === 'achieved') {
      http
        .expectOne((r) => r.url === '/api/follow-ups' && r.params.get('commitmentId') === 'c1' && r.params.get('status') === 'open')
        .flush({ items: open, total: open.length, page: 1, pageSize: 100 });
    }
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const note = el.querySelector('textarea') as HTMLTextAreaElement;
    const submit = async () => {
      el.querySelector('form')?.dispatchEvent(new Event('submit'));
      await fixture.whenStable();
    };
    return { el, note, submit, close, fixture, http };
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
    expect(close).toHaveBeenCalledWith({ commitment: expect.objectContaining({ status: 'stalled' }), closed: [], notClosed: 0 });
  });

  async function achieveWithOpenFollowUps(choice: 'close' | 'keep' | null) {
    const rendered = await renderDialog('achieved', [openFollowUp('f1', 'Send the report', 3), openFollowUp('f2', 'Call the mayor', 5)]);
    const { el, note, submit } = rendered;
    const question = el.querySelector('[data-testid="open-follow-ups"]');
    expect(question?.querySelector('legend')?.textContent).toContain(
      'This commitment still has 2 open follow-ups. What should happen to them?',
    );
    expect([...(question?.querySelectorAll('li') ?? [])].map((li) => li.textContent?.trim())).toEqual([
      'Send the report',
      'Call the mayor',
    ]);
    note.value = 'Council meets monthly';
    note.dispatchEvent(new Event('input'));
    if (choice) {
      const radio = el.querySelector<HTMLInputElement>(`mat-radio-button[value="${choice}"] input`);
      radio?.click();
    }
    await submit();
    return rendered;
  }

  it('asks what to do with open follow-ups before achieving, and sends nothing until answered', async () => {
    const { el, http, close, fixture } = await achieveWithOpenFollowUps(null);
    fixture.detectChanges();
    http.expectNone('/api/commitments/c1/transitions');
    expect(close).not.toHaveBeenCalled();
    expect(el.querySelector('.it-choice-error')?.textContent).toContain('Choose what to do with the open follow-ups.');
  });

  it('closes the open follow-ups after the step when asked to, each with the version read', async () => {
    const { http, close, fixture } = await achieveWithOpenFollowUps('close');
    http.expectOne('/api/commitments/c1/transitions').flush({ ...commitment, status: 'achieved' });
    await fixture.whenStable();
    const patches = http.match((r) => r.method === 'PATCH' && r.url.startsWith('/api/follow-ups/'));
    expect(patches.map((r) => [r.request.url, r.request.body])).toEqual([
      ['/api/follow-ups/f1', { version: 3, status: 'done' }],
      ['/api/follow-ups/f2', { version: 5, status: 'done' }],
    ]);
    patches[0].flush({ ...openFollowUp('f1', 'Send the report', 4), status: 'done' });
    patches[1].flush({ statusCode: 409, message: 'Changed meanwhile' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(close).toHaveBeenCalledWith({
      commitment: expect.objectContaining({ status: 'achieved' }),
      closed: [expect.objectContaining({ id: 'f1', version: 4, status: 'done' })],
      notClosed: 1,
    });
  });

  it('keeps them open when asked to', async () => {
    const { http, close, fixture } = await achieveWithOpenFollowUps('keep');
    http.expectOne('/api/commitments/c1/transitions').flush({ ...commitment, status: 'achieved' });
    await fixture.whenStable();
    http.expectNone((r) => r.method === 'PATCH');
    expect(close).toHaveBeenCalledWith({ commitment: expect.objectContaining({ status: 'achieved' }), closed: [], notClosed: 0 });
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

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FollowUpListItem } from '@impact/contracts';
import { firstValueFrom } from 'rxjs';
import { translocoTesting } from '../testing/transloco-testing';
import { MarkDone } from './mark-done';

const followUp = { id: 'f1', title: 'Send the report', version: 3, status: 'open' } as FollowUpListItem;

function setUp() {
  TestBed.configureTestingModule({ imports: [translocoTesting()], providers: [provideHttpClient(), provideHttpClientTesting()] });
  return { markDone: TestBed.inject(MarkDone), http: TestBed.inject(HttpTestingController) };
}

const snackBar = () => document.querySelector<HTMLElement>('mat-snack-bar-container');

describe('MarkDone', () => {
  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((el) => el.remove()));

  it('marks the follow-up done and offers "Undo", which opens it again with the version just saved', async () => {
    const { markDone, http } = setUp();
    const reopened = jest.fn();
    const result = firstValueFrom(markDone.run(followUp, reopened));
    const done = http.expectOne('/api/follow-ups/f1');
    expect(done.request.body).toEqual({ version: 3, status: 'done' });
    done.flush({ ...followUp, status: 'done', version: 4 });
    expect(await result).toBe('done');
    await TestBed.inject(ApplicationRef).whenStable();

    // The title keeps its own direction inside the sentence (isolated), whatever the language around it.
    expect(snackBar()?.textContent).toContain('“\u2068Send the report\u2069” is done.');
    const undo = [...(snackBar()?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === 'Undo');
    expect(undo).toBeDefined();
    undo?.click();

    const back = http.expectOne('/api/follow-ups/f1');
    expect(back.request.method).toBe('PATCH');
    expect(back.request.body).toEqual({ version: 4, status: 'open' });
    back.flush({ ...followUp, version: 5 });
    expect(reopened).toHaveBeenCalledTimes(1);
    http.verify();
  });

  it('says so when the follow-up changed meanwhile (409), and offers no undo', async () => {
    const { markDone, http } = setUp();
    const result = firstValueFrom(markDone.run(followUp));
    http.expectOne('/api/follow-ups/f1').flush({ message: 'stale' }, { status: 409, statusText: 'Conflict' });
    expect(await result).toBe('conflict');
    await TestBed.inject(ApplicationRef).whenStable();
    const buttons = [...(snackBar()?.querySelectorAll('button') ?? [])].map((b) => b.textContent?.trim());
    expect(buttons).not.toContain('Undo');
  });
});

import { TestBed } from '@angular/core/testing';
import { HistoryEntry } from '@impact/contracts';
import { translocoTesting } from '../../testing/transloco-testing';
import { StoryHistory } from './story-history';

const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
  id: `h-${Math.random()}`,
  at: '2026-03-01T10:00:00.000Z',
  actorId: null,
  actorName: 'Lena Leadership',
  action: 'update',
  from: null,
  to: null,
  note: null,
  changes: null,
  ...over,
});

describe('StoryHistory', () => {
  it('says each step once: a publication names its revision, never "Published → Published"; a status change says from where to where', async () => {
    TestBed.configureTestingModule({ imports: [StoryHistory, translocoTesting()] });
    const fixture = TestBed.createComponent(StoryHistory);
    fixture.componentRef.setInput('entries', [
      entry({ action: 'transition', from: 'draft', to: 'in_review', changes: { status: { old: 'draft', new: 'in_review' } } }),
      entry({
        action: 'publish',
        from: 'in_review',
        to: 'published',
        changes: { status: { old: 'in_review', new: 'published' }, revision: { old: null, new: 1 } },
      }),
      entry({ action: 'transition', from: 'published', to: 'draft', note: 'Edited after publication' }),
      entry({ action: 'archive', from: 'published', to: 'archived' }),
    ]);
    await fixture.whenStable();
    // What a sighted reader sees: the words for screen readers ("to" beside the arrow) left out.
    (fixture.nativeElement as HTMLElement).querySelectorAll('.it-visually-hidden').forEach((e) => e.remove());
    const lines = [...(fixture.nativeElement as HTMLElement).querySelectorAll('li')].map((li) =>
      (li.querySelector(':scope > span:nth-child(2)')?.textContent ?? '')
        .replace(/\s+/g, ' ')
        .replace(/ ?→ ?/, ' → ') // the space around the arrow is a margin
        .trim(),
    );
    expect(lines).toEqual([
      'Status changed · Draft → In review',
      'Published · Revision 1',
      'Status changed · Published → Draft',
      'Archived',
    ]);
    expect((fixture.nativeElement as HTMLElement).textContent).not.toMatch(/Published\s*→\s*Published/);
  });
});

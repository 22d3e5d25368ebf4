import { Component } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TestBed } from '@angular/core/testing';
import { HistoryEntry } from '@impact/contracts';
import { of } from 'rxjs';
import { translocoTesting } from '../../testing/transloco-testing';
import { HistoryField, RecordHistory } from './record-history';

const at = '2026-03-02T10:00:00.000Z';
const ENTRIES: HistoryEntry[] = [
  {
    id: '1',
    at,
    actorId: 'u',
    actorName: 'Amani Otieno',
    action: 'create',
    from: null,
    to: null,
    note: null,
    changes: { title: { old: null, new: 'Visit' } },
  },
  {
    id: '2',
    at,
    actorId: 'u',
    actorName: null,
    action: 'update',
    from: null,
    to: null,
    note: null,
    changes: {
      participants: { old: { total: 36, youth: 14, mayors: 4 }, new: { total: 40, youth: 18, mayors: 4 } },
      online: { old: false, new: true },
      hostCityId: { old: 'a', new: 'b' },
      version: { old: 1, new: 2 },
    },
  },
];
const FIELDS: Record<string, HistoryField> = {
  participants: { label: 'engagements.participants', as: 'counts', key: 'engagements.group', order: ['total', 'youth'] },
  online: { label: 'engagements.online', as: 'flag' },
  hostCityId: { label: 'engagements.hostCity', as: 'ids' },
};

@Component({
  imports: [RecordHistory],
  template: `<it-record-history [history]="history" [fields]="fields" />`,
})
class Host {
  readonly history = rxResource({ stream: () => of(ENTRIES) });
  readonly fields = FIELDS;
}

describe('RecordHistory', () => {
  it('tells who did what, and for an edit each shown field old → new in words', async () => {
    TestBed.configureTestingModule({ imports: [translocoTesting()] });
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const entries = el.querySelectorAll('.it-history-entry');
    expect(entries).toHaveLength(2);
    // A creation is all new: no change lines.
    expect(entries[0].textContent).toContain('Amani Otieno');
    expect(entries[0].querySelectorAll('.it-changes li')).toHaveLength(0);
    // Fields not asked for (version) are left out; ids only say "changed"; only the head-counts that changed.
    const lines = [...entries[1].querySelectorAll('.it-changes li')].map((li) => li.getAttribute('data-field'));
    expect(lines).toEqual(['participants', 'online', 'hostCityId']);
    const counts = entries[1].querySelector('[data-field="participants"]') as HTMLElement;
    expect(counts.querySelector('.it-range-from')?.textContent).toBe('Total 36, Youth 14');
    expect(counts.querySelector('.it-range-to')?.textContent).toBe('Total 40, Youth 18');
    expect(entries[1].querySelector('[data-field="online"] .it-range-to')?.textContent).toBe('Yes');
    expect(entries[1].querySelector('[data-field="hostCityId"]')?.textContent).toContain('changed');
    expect(entries[1].textContent).toContain('System');
  });
});

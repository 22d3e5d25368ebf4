import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { COMMITMENT_STATUSES, CommitmentStatus } from '@impact/contracts';
import { TranslocoService } from '@jsverse/transloco';
import { translocoTesting } from '../../testing/transloco-testing';
import { ChipStatus, STATUS_COLOURS, StatusChip } from './status-chip';

@Component({
  imports: [StatusChip],
  template: `<it-status-chip [status]="status()" [kind]="kind()" />`,
})
class Host {
  readonly status = signal<ChipStatus>('pledged');
  readonly kind = signal<'commitment' | 'followUp'>('commitment');
}

async function render(status: ChipStatus, kind: 'commitment' | 'followUp' = 'commitment') {
  TestBed.configureTestingModule({ imports: [translocoTesting()] });
  const fixture = TestBed.createComponent(Host);
  fixture.componentInstance.status.set(status);
  fixture.componentInstance.kind.set(kind);
  await fixture.whenStable();
  const chip = (fixture.nativeElement as HTMLElement).querySelector('it-status-chip') as HTMLElement;
  return { fixture, chip };
}

describe('StatusChip', () => {
  it.each(COMMITMENT_STATUSES.map((s) => [s]))('shows %s with its word, an icon and its own colour', async (status: CommitmentStatus) => {
    const { chip } = await render(status);
    const words: Record<CommitmentStatus, string> = {
      pledged: 'Pledged',
      in_progress: 'In progress',
      stalled: 'Stalled',
      achieved: 'Achieved',
      cancelled: 'Cancelled',
    };
    expect(chip.textContent).toContain(words[status]);
    expect(chip.querySelector('.it-chip-icon')?.getAttribute('aria-hidden')).toBe('true');
    expect(chip.querySelector('.it-chip-icon')?.textContent?.trim()).toBeTruthy();
    expect(chip.style.getPropertyValue('--it-chip-accent')).toBe(STATUS_COLOURS[status].accent);
  });

  it('gives every commitment status a different colour', () => {
    const accents = COMMITMENT_STATUSES.map((s) => STATUS_COLOURS[s].accent);
    expect(new Set(accents).size).toBe(COMMITMENT_STATUSES.length);
  });

  it('speaks the user’s language and names follow-up states', async () => {
    const { fixture, chip } = await render('overdue', 'followUp');
    expect(chip.textContent).toContain('Overdue');
    TestBed.inject(TranslocoService).setActiveLang('ar');
    fixture.componentInstance.status.set('done');
    await fixture.whenStable();
    expect(chip.textContent).toContain('منجز');
  });
});

import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { StoryDetail, StoryStatus } from '@impact/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { translocoTesting } from '../../testing/transloco-testing';
import { SubmitBlocker } from '../story-gating';
import { StoryWorkflow } from './story-workflow';

const story = (status: StoryStatus) =>
  ({ id: 's-1', status, hubId: 'hub-1', cityIds: [], publishedAt: null, approvedByName: null }) as unknown as StoryDetail;

@Component({
  imports: [StoryWorkflow],
  template: `<it-story-workflow
    [story]="story()"
    [place]="{ hubIds: ['hub-1'], cityIds: [] }"
    [mayTransition]="true"
    [blockers]="blockers()"
    (move)="moves.push($event)"
  />`,
})
class Host {
  readonly story = signal(story('in_review'));
  readonly blockers = signal<SubmitBlocker[]>([]);
  readonly moves: { to: StoryStatus; note?: string }[] = [];
}

describe('StoryWorkflow', () => {
  async function render() {
    TestBed.configureTestingModule({
      imports: [Host, translocoTesting()],
      providers: [provideRouter([]), { provide: AuthService, useValue: { can: () => true } }],
    });
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const button = (name: string) => [...el.querySelectorAll('button')].find((b) => b.textContent?.includes(name)) as HTMLButtonElement;
    const reason = () => el.querySelector('textarea') as HTMLTextAreaElement;
    return { fixture, el, button, reason, host: fixture.componentInstance };
  }

  it('sends a story back only with a reason, and forgets the reason once the story has moved on', async () => {
    const { fixture, button, reason, host } = await render();
    expect(button('Send back to the author').disabled).toBe(true);
    reason().value = '  Name the partner.  ';
    reason().dispatchEvent(new Event('input'));
    await fixture.whenStable();
    button('Send back to the author').click();
    expect(host.moves).toEqual([{ to: 'draft', note: 'Name the partner.' }]);

    host.story.set(story('draft'));
    await fixture.whenStable();
    host.story.set(story('in_review'));
    await fixture.whenStable();
    expect(reason().value).toBe('');
  });

  it('says why a draft cannot be submitted yet', async () => {
    const { fixture, button, el, host } = await render();
    host.story.set(story('draft'));
    host.blockers.set(['checklist', 'unsaved']);
    await fixture.whenStable();
    expect(button('Submit for review').disabled).toBe(true);
    expect(el.textContent).toContain('Confirm all three points of the checklist.');
    expect(el.textContent).toContain('Save your changes first.');
  });
});

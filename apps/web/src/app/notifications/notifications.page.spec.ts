import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { NotificationPage } from '@impact/contracts';
import { translocoTesting } from '../testing/transloco-testing';
import { NotificationsPage } from './notifications.page';

const page: NotificationPage = {
  items: [
    {
      id: 'n1',
      kind: 'follow_up_due_tomorrow',
      title: 'Follow-up due tomorrow: Call the mayor',
      body: '“Call the mayor” (Nansana) is due tomorrow.',
      link: '/follow-ups/f1',
      createdAt: '2026-11-28T06:00:00Z',
      readAt: null,
    },
    {
      id: 'n2',
      kind: 'follow_up_overdue',
      title: 'Overdue follow-up: Send the report',
      body: 'Late.',
      link: '/follow-ups/f2',
      createdAt: '2026-11-27T06:00:00Z',
      readAt: '2026-11-27T08:00:00Z',
    },
  ],
  total: 2,
  unread: 1,
  page: 1,
  pageSize: 20,
};

async function render() {
  TestBed.configureTestingModule({
    imports: [NotificationsPage, translocoTesting()],
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
  });
  const fixture = TestBed.createComponent(NotificationsPage);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  http.expectOne((r) => r.url === '/api/notifications' && r.params.get('page') === '1').flush(page);
  await fixture.whenStable();
  fixture.detectChanges();
  return { fixture, http, el: fixture.nativeElement as HTMLElement };
}

describe('NotificationsPage', () => {
  it('lists notifications linking to their records, with the unread count in words', async () => {
    const { el } = await render();
    const links = [...el.querySelectorAll<HTMLAnchorElement>('.it-notification-title')];
    expect(links.map((a) => a.textContent?.trim())).toEqual([
      'Follow-up due tomorrow: Call the mayor',
      'Overdue follow-up: Send the report',
    ]);
    expect(links[0].getAttribute('href')).toBe('/follow-ups/f1');
    expect(el.textContent).toContain('1 unread');
    // Only the unread one offers "Mark as read".
    expect(el.querySelectorAll('.it-mark')).toHaveLength(1);
  });

  it('marks one read by id, then reloads the page', async () => {
    const { el, http, fixture } = await render();
    el.querySelector<HTMLButtonElement>('.it-mark')?.click();
    const post = http.expectOne('/api/notifications/read');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ ids: ['n1'] });
    post.flush({ marked: 1, unread: 0 });
    // The snack-bar's timer keeps the fixture busy: tick the resource instead of waiting for stability.
    TestBed.tick();
    await Promise.resolve();
    const reload = http.expectOne((r) => r.url === '/api/notifications');
    reload.flush({ ...page, unread: 0, items: page.items.map((i) => ({ ...i, readAt: i.readAt ?? '2026-11-28T09:00:00Z' })) });
    await Promise.resolve();
    TestBed.tick();
    fixture.detectChanges();
    expect(el.querySelectorAll('.it-mark')).toHaveLength(0);
    expect(el.textContent).toContain('Nothing unread');
  });

  it('asks for unread ones only when filtered, and says so when there are none', async () => {
    const { el, http, fixture } = await render();
    const unreadToggle = [...el.querySelectorAll<HTMLButtonElement>('mat-button-toggle button')].find((b) =>
      b.textContent?.includes('Unread'),
    );
    unreadToggle?.click();
    fixture.detectChanges();
    http
      .expectOne((r) => r.url === '/api/notifications' && r.params.get('unread') === 'true')
      .flush({ ...page, items: [], total: 0, unread: 0 });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.textContent).toContain('Nothing unread');
    expect(el.querySelector('h2')?.textContent).toContain('Nothing unread');
  });
});

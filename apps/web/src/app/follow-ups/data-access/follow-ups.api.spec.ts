import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MyWorkApi } from '../../my-work/data-access/my-work.api';
import { FollowUpsApi } from './follow-ups.api';

describe('FollowUpsApi', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists with its filters as query parameters', () => {
    TestBed.inject(FollowUpsApi).list({ status: 'open', overdue: true, commitmentId: 'c1', sort: 'dueDate:asc' }).subscribe();
    const req = http.expectOne((r) => r.url === '/api/follow-ups');
    expect(req.request.params.toString()).toBe('status=open&overdue=true&commitmentId=c1&sort=dueDate:asc');
    req.flush({ items: [], total: 0, page: 1, pageSize: 50 });
  });

  it('marks one done with the version it read', () => {
    TestBed.inject(FollowUpsApi).markDone({ id: 'f1', version: 7 }).subscribe();
    const req = http.expectOne({ method: 'PATCH', url: '/api/follow-ups/f1' });
    expect(req.request.body).toEqual({ version: 7, status: 'done' });
    req.flush({});
  });

  it('asks for my open follow-ups late first, and the commitments I own', () => {
    const myWork = TestBed.inject(MyWorkApi);
    myWork.followUps('u9').subscribe();
    const fu = http.expectOne((r) => r.url === '/api/follow-ups');
    expect(fu.request.params.get('ownerId')).toBe('u9');
    expect(fu.request.params.get('status')).toBe('open');
    expect(fu.request.params.get('sort')).toBe('dueDate:asc');
    fu.flush({ items: [], total: 0, page: 1, pageSize: 100 });

    myWork.commitments('u9').subscribe();
    const c = http.expectOne((r) => r.url === '/api/commitments');
    expect(c.request.params.get('ownerId')).toBe('u9');
    c.flush({ items: [], total: 0, page: 1, pageSize: 100 });
  });

  it('exports the follow-ups with the list filters', () => {
    const api = TestBed.inject(FollowUpsApi);
    api.exportCsv({ status: 'open', ownerId: 'u9', page: 2 }).subscribe();
    const req = http.expectOne((r) => r.url === '/api/follow-ups/export.csv');
    expect(req.request.params.toString()).toBe('status=open&ownerId=u9');
    expect(req.request.responseType).toBe('blob');
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MyWorkApi } from './my-work.api';

describe('MyWorkApi', () => {
  let api: MyWorkApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(MyWorkApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks for one owner’s commitments without a sort, so the server’s order applies (open first, achieved last)', () => {
    api.commitments('u1').subscribe();
    const req = http.expectOne((r) => r.url === '/api/commitments');
    expect(req.request.params.get('ownerId')).toBe('u1');
    expect(req.request.params.has('sort')).toBe(false);
    req.flush({ items: [], total: 0, page: 1, pageSize: 100 });
  });

  it('asks for one owner’s open follow-ups, the soonest due first', () => {
    api.followUps('u1').subscribe();
    const req = http.expectOne((r) => r.url === '/api/follow-ups');
    expect(req.request.params.get('ownerId')).toBe('u1');
    expect(req.request.params.get('status')).toBe('open');
    expect(req.request.params.get('sort')).toBe('dueDate:asc');
    req.flush({ items: [], total: 0, page: 1, pageSize: 100 });
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CsvDownload } from '../../shared/data/csv-download';
import { CommitmentsApi } from './commitments.api';

describe('CommitmentsApi', () => {
  let api: CommitmentsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(CommitmentsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('turns the filters into query parameters and leaves empty ones out', () => {
    api
      .list({
        page: 2,
        pageSize: 25,
        sort: 'targetDate:asc',
        q: 'Nansana',
        status: 'stalled',
        overdue: true,
        atRisk: true,
        ownerId: 'u1',
        hubId: undefined,
      })
      .subscribe();
    const req = http.expectOne((r) => r.url === '/api/commitments');
    expect(req.request.method).toBe('GET');
    expect(req.request.params.keys().sort()).toEqual(['atRisk', 'overdue', 'ownerId', 'page', 'pageSize', 'q', 'sort', 'status']);
    expect(req.request.params.get('overdue')).toBe('true');
    expect(req.request.params.get('sort')).toBe('targetDate:asc');
    req.flush({ items: [], total: 0, page: 2, pageSize: 25 });
  });

  it('moves a commitment along its workflow with a note, and reads its history', () => {
    api.transition('c1', 'achieved', 'Safety council launched').subscribe();
    const step = http.expectOne('/api/commitments/c1/transitions');
    expect(step.request.method).toBe('POST');
    expect(step.request.body).toEqual({ to: 'achieved', note: 'Safety council launched' });
    step.flush({});

    api.history('c1').subscribe();
    http.expectOne({ method: 'GET', url: '/api/commitments/c1/history' }).flush([]);
  });

  it('updates with the version it read and archives with DELETE', () => {
    api.update('c1', { version: 4, progress: 60 }).subscribe();
    const patch = http.expectOne({ method: 'PATCH', url: '/api/commitments/c1' });
    expect(patch.request.body).toEqual({ version: 4, progress: 60 });
    patch.flush({});
    api.archive('c1').subscribe();
    http.expectOne({ method: 'DELETE', url: '/api/commitments/c1' }).flush(null, { status: 204, statusText: 'No Content' });
  });

  it('downloads the filtered list as CSV with the same filters, without paging, and saves it', () => {
    const save = jest.spyOn(TestBed.inject(CsvDownload), 'save').mockImplementation(() => undefined);
    let done = false;
    api
      .exportCsv({ page: 3, pageSize: 50, status: 'in_progress', atRisk: true, q: 'youth' }, 'commitments.csv')
      .subscribe(() => (done = true));
    const req = http.expectOne((r) => r.url === '/api/commitments/export.csv');
    expect(req.request.responseType).toBe('blob');
    expect(req.request.params.keys().sort()).toEqual(['atRisk', 'q', 'status']);
    const blob = new Blob(['\uFEFFtitle,status\n'], { type: 'text/csv' });
    req.flush(blob);
    expect(save).toHaveBeenCalledWith(blob, 'commitments.csv');
    expect(done).toBe(true);
  });
});

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ImportEntity, ImportRecord, ImportUndoResult, Page, ROUTES } from '@impact/contracts';
import { Observable } from 'rxjs';
import { API, toParams } from '../core/http/api';

const BASE = `${API}/${ROUTES.imports}`;

/** `/api/imports`: spreadsheets sent as a job (preview or real run), followed, listed and undone. */
@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);

  start(entity: ImportEntity, dryRun: boolean, file: File): Observable<ImportRecord> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<ImportRecord>(BASE, body, { params: toParams({ entity, dryRun }) });
  }

  get(id: string): Observable<ImportRecord> {
    return this.http.get<ImportRecord>(`${BASE}/${encodeURIComponent(id)}`);
  }

  list(page: number, pageSize: number): Observable<Page<ImportRecord>> {
    return this.http.get<Page<ImportRecord>>(BASE, { params: toParams({ page, pageSize }) });
  }

  undo(id: string): Observable<ImportUndoResult> {
    return this.http.post<ImportUndoResult>(`${BASE}/${encodeURIComponent(id)}/undo`, {});
  }

  /** The header and one example row; fetched (not linked) so the bearer token goes with it. */
  template(entity: ImportEntity): Observable<Blob> {
    return this.http.get(`${BASE}/templates/${entity}.csv`, { responseType: 'blob' });
  }
}

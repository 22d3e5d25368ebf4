import { HttpClient } from '@angular/common/http';
import { inject } from '@angular/core';
import { ListQuery, Page } from '@impact/contracts';
import { Observable } from 'rxjs';
import { API, toParams } from '../../core/http/api';
import { CsvDownload } from './csv-download';

type Params = Record<string, string | number | boolean | null | undefined>;

/**
 * The five calls every record list of the API answers the same way (docs/api.md):
 * paged list with filters, one record, create (201), update with `version` (409 when stale),
 * archive (204), and the list as CSV.
 */
export abstract class RecordsApi<TItem, TFilters extends ListQuery, TCreate, TUpdate extends { version: number }> {
  protected readonly http = inject(HttpClient);
  private readonly csv = inject(CsvDownload);
  /** The route under `/api`, from contracts' ROUTES. */
  protected abstract readonly path: string;

  protected get url(): string {
    return `${API}/${this.path}`;
  }

  protected itemUrl(id: string): string {
    return `${this.url}/${encodeURIComponent(id)}`;
  }

  list(filters: TFilters): Observable<Page<TItem>> {
    return this.http.get<Page<TItem>>(this.url, { params: toParams(filters as unknown as Params) });
  }

  get(id: string): Observable<TItem> {
    return this.http.get<TItem>(this.itemUrl(id));
  }

  create(body: TCreate): Observable<TItem> {
    return this.http.post<TItem>(this.url, body);
  }

  /** Sends the version read and only the fields that changed. */
  update(id: string, body: TUpdate): Observable<TItem> {
    return this.http.patch<TItem>(this.itemUrl(id), body);
  }

  archive(id: string): Observable<void> {
    return this.http.delete<void>(this.itemUrl(id));
  }

  exportCsv(filters: TFilters, filename?: string): Observable<void> {
    return this.csv.download(this.path, filters as unknown as Params, filename);
  }
}

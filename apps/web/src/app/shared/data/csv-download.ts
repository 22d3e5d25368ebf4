import { HttpClient } from '@angular/common/http';
import { DOCUMENT, Injectable, inject } from '@angular/core';
import { CSV_EXPORT_SUFFIX } from '@impact/contracts';
import { Observable, map } from 'rxjs';
import { API, toParams } from '../../core/http/api';

type Filters = Record<string, string | number | boolean | null | undefined>;

/**
 * Downloads a list as CSV. A plain link would not carry the bearer token, so the file is fetched
 * through HttpClient (the interceptor adds the header) and saved through a temporary `<a download>`.
 */
@Injectable({ providedIn: 'root' })
export class CsvDownload {
  private readonly http = inject(HttpClient);
  private readonly document = inject(DOCUMENT);

  /** `path` is the list's route (`ROUTES.commitments`); paging is left out, the export holds every match. */
  download(path: string, filters: Filters, filename = `${path}.csv`): Observable<void> {
    const { page, pageSize, ...rest } = filters;
    void page;
    void pageSize;
    return this.http
      .get(`${API}/${path}/${CSV_EXPORT_SUFFIX}`, { params: toParams(rest), responseType: 'blob' })
      .pipe(map((blob) => this.save(blob, filename)));
  }

  save(blob: Blob, filename: string): void {
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = filename;
    link.rel = 'noopener';
    link.style.display = 'none';
    this.document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

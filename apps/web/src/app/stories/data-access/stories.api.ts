import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CreateStoryRequest,
  HistoryEntry,
  Language,
  Page,
  ROUTES,
  StoryDetail,
  StoryExportFormat,
  StoryFilters,
  StoryListItem,
  StoryRevisionDetail,
  StoryRevisionList,
  StoryTransitionRequest,
  UpdateStoryRequest,
} from '@impact/contracts';
import { Observable } from 'rxjs';
import { API, toParams } from '../../core/http/api';

/** The story desk's endpoints (signed in). The public page has its own, lighter client. */
@Injectable({ providedIn: 'root' })
export class StoriesApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${API}/${ROUTES.stories}`;

  list(filters: StoryFilters = {}): Observable<Page<StoryListItem>> {
    return this.http.get<Page<StoryListItem>>(this.url, { params: toParams({ ...filters }) });
  }

  get(id: string): Observable<StoryDetail> {
    return this.http.get<StoryDetail>(`${this.url}/${encodeURIComponent(id)}`);
  }

  create(body: CreateStoryRequest): Observable<StoryDetail> {
    return this.http.post<StoryDetail>(this.url, body);
  }

  update(id: string, body: UpdateStoryRequest): Observable<StoryDetail> {
    return this.http.patch<StoryDetail>(`${this.url}/${encodeURIComponent(id)}`, body);
  }

  transition(id: string, body: StoryTransitionRequest): Observable<StoryDetail> {
    return this.http.post<StoryDetail>(`${this.url}/${encodeURIComponent(id)}/transitions`, body);
  }

  archive(id: string): Observable<void> {
    return this.http.delete<void>(`${this.url}/${encodeURIComponent(id)}`);
  }

  history(id: string): Observable<HistoryEntry[]> {
    return this.http.get<HistoryEntry[]>(`${this.url}/${encodeURIComponent(id)}/history`);
  }

  /** The frozen published revisions, oldest first. */
  revisions(id: string): Observable<StoryRevisionList> {
    return this.http.get<StoryRevisionList>(`${this.url}/${encodeURIComponent(id)}/revisions`);
  }

  revision(id: string, revision: number): Observable<StoryRevisionDetail> {
    return this.http.get<StoryRevisionDetail>(`${this.url}/${encodeURIComponent(id)}/revisions/${revision}`);
  }

  draftFromCommitment(commitmentId: string, language: Language): Observable<StoryDetail> {
    return this.http.post<StoryDetail>(`${this.url}/draft-from-commitment/${encodeURIComponent(commitmentId)}`, { language });
  }

  /** The export needs the bearer token, so it comes as a blob the page saves. */
  export(id: string, format: StoryExportFormat): Observable<Blob> {
    return this.http.get(`${this.url}/${encodeURIComponent(id)}/export.${format}`, { responseType: 'blob' });
  }

  /** Records to link, searched as the author types. */
  search(
    kind: 'cities' | 'engagements' | 'commitments' | 'outcomes',
    q: string,
  ): Observable<Page<{ id: string; name?: string; title?: string; description?: string; cityName?: string }>> {
    return this.http.get<Page<{ id: string; name?: string; title?: string; description?: string; cityName?: string }>>(
      `${API}/${ROUTES[kind]}`,
      {
        params: toParams({ q, pageSize: 10 }),
      },
    );
  }
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { MAX_PAGE_SIZE, PublicStory, PublicStoryFacets, PublicStoryList, PublicStoryQuery, ROUTES } from '@impact/contracts';
import { Observable } from 'rxjs';
import { API, toParams } from '../../core/http/api';

/** `GET /api/public/stories`: published stories only, no sign-in. */
@Injectable({ providedIn: 'root' })
export class PublicStoriesApi {
  private readonly http = inject(HttpClient);
  readonly url = `${API}/${ROUTES.publicStories}`;

  /** One page of published stories (the largest page unless asked otherwise). */
  list(query: PublicStoryQuery = {}): Observable<PublicStoryList> {
    return this.http.get<PublicStoryList>(this.url, { params: toParams({ pageSize: MAX_PAGE_SIZE, ...query }) });
  }

  /** The hubs, cities and languages there are published stories for. */
  facets(): Observable<PublicStoryFacets> {
    return this.http.get<PublicStoryFacets>(`${this.url}/facets`);
  }

  get(id: string): Observable<PublicStory> {
    return this.http.get<PublicStory>(`${this.url}/${encodeURIComponent(id)}`);
  }

  exportUrl(id: string, format: 'md' | 'html'): string {
    return `${this.url}/${encodeURIComponent(id)}/export.${format}`;
  }
}

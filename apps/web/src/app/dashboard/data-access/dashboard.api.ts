import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  DashboardAtRisk,
  DashboardFilters,
  DashboardGraph,
  DashboardMap,
  DashboardStories,
  DashboardSummary,
  DashboardTrends,
  ROUTES,
} from '@impact/contracts';
import { Observable } from 'rxjs';
import { API, toParams } from '../../core/http/api';

/** `/api/dashboard/*`: figures, trends, map, peer-learning graph and the at-risk list for a hub and range. */
@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly http = inject(HttpClient);

  private get<T>(part: string, filters: DashboardFilters): Observable<T> {
    return this.http.get<T>(`${API}/${ROUTES.dashboard}/${part}`, { params: toParams({ ...filters }) });
  }

  summary(filters: DashboardFilters): Observable<DashboardSummary> {
    return this.get('summary', filters);
  }
  trends(filters: DashboardFilters): Observable<DashboardTrends> {
    return this.get('trends', filters);
  }
  map(filters: DashboardFilters): Observable<DashboardMap> {
    return this.get('map', filters);
  }
  graph(filters: DashboardFilters): Observable<DashboardGraph> {
    return this.get('graph', filters);
  }
  atRisk(filters: DashboardFilters): Observable<DashboardAtRisk> {
    return this.get('at-risk', filters);
  }

  /** Stories by category and status, and achieved commitments without a story (hub only: no date range). */
  stories(filters: Pick<DashboardFilters, 'hubId'>): Observable<DashboardStories> {
    return this.get('stories', filters);
  }
}

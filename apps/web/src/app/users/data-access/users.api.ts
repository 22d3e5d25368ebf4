import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  City,
  CreateUserRequest,
  DeactivateUserRequest,
  Hub,
  InviteSent,
  InviteUserRequest,
  ListQuery,
  MAX_PAGE_SIZE,
  OpenWork,
  Page,
  ROUTES,
  UpdateUserRequest,
  User,
} from '@impact/contracts';
import { Observable, map } from 'rxjs';
import { API, itemsOf, toParams } from '../../core/http/api';

/** Admin's user management (`/api/users`, docs/api.md) and the hubs and cities a scope is chosen from. */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${API}/${ROUTES.users}`;

  list(query: ListQuery): Observable<Page<User>> {
    return this.http.get<Page<User>>(this.url, { params: toParams({ ...query }) });
  }

  get(id: string): Observable<User> {
    return this.http.get<User>(`${this.url}/${encodeURIComponent(id)}`);
  }

  create(body: CreateUserRequest): Observable<User> {
    return this.http.post<User>(this.url, body);
  }

  update(id: string, body: UpdateUserRequest): Observable<User> {
    return this.http.patch<User>(`${this.url}/${encodeURIComponent(id)}`, body);
  }

  /** Mails the user a set-password link (72 hours); earlier unused invitations stop working. */
  invite(id: string, body: InviteUserRequest = {}): Observable<InviteSent> {
    return this.http.post<InviteSent>(`${this.url}/${encodeURIComponent(id)}/invite`, body);
  }

  /** What the user still owns that is open, and who may take it over. */
  openWork(id: string): Observable<OpenWork> {
    return this.http.get<OpenWork>(`${this.url}/${encodeURIComponent(id)}/open-work`);
  }

  /** Deactivates; with `reassignToId` that person takes over the open work in the same transaction. */
  deactivate(id: string, body: DeactivateUserRequest): Observable<void> {
    return this.http.post<void>(`${this.url}/${encodeURIComponent(id)}/deactivate`, body);
  }

  hubs(): Observable<Hub[]> {
    return this.http.get<Page<Hub> | Hub[]>(`${API}/${ROUTES.hubs}`, { params: toParams({ pageSize: MAX_PAGE_SIZE }) }).pipe(map(itemsOf));
  }

  cities(): Observable<City[]> {
    return this.http
      .get<Page<City> | City[]>(`${API}/${ROUTES.cities}`, { params: toParams({ pageSize: MAX_PAGE_SIZE, sort: 'name:asc' }) })
      .pipe(map(itemsOf));
  }
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { PasswordLink, PasswordResetRequest, ROUTES, SetPasswordRequest } from '@impact/contracts';
import { Observable } from 'rxjs';
import { API } from '../core/http/api';

/** Without sign-in: ask for a reset link, read a set-password link, choose the password with it. */
@Injectable({ providedIn: 'root' })
export class PasswordApi {
  private readonly http = inject(HttpClient);

  requestReset(body: PasswordResetRequest): Observable<void> {
    return this.http.post<void>(`${API}/${ROUTES.auth.passwordReset}`, body);
  }

  open(token: string): Observable<PasswordLink> {
    return this.http.get<PasswordLink>(`${API}/${ROUTES.auth.passwordLinks}/${encodeURIComponent(token)}`);
  }

  setPassword(body: SetPasswordRequest): Observable<void> {
    return this.http.post<void>(`${API}/${ROUTES.auth.password}`, body);
  }
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ContactLinkAnswerRequest, ContactLinkAnswerResult, PublicFollowUpLink, ROUTES } from '@impact/contracts';
import { Observable } from 'rxjs';
import { API } from '../core/http/api';

/** The contact's side of a link: no sign-in, the token is the only key. */
@Injectable({ providedIn: 'root' })
export class ConfirmApi {
  private readonly http = inject(HttpClient);

  open(token: string): Observable<PublicFollowUpLink> {
    return this.http.get<PublicFollowUpLink>(`${API}/${ROUTES.publicFollowUpLinks}/${encodeURIComponent(token)}`);
  }

  answer(token: string, body: ContactLinkAnswerRequest): Observable<ContactLinkAnswerResult> {
    return this.http.post<ContactLinkAnswerResult>(`${API}/${ROUTES.publicFollowUpLinks}/${encodeURIComponent(token)}`, body);
  }
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CityContact, ContactLink, ContactLinkCreated, CreateContactLinkRequest, ROUTES } from '@impact/contracts';
import { Observable } from 'rxjs';
import { API } from '../../core/http/api';

/** Staff side of a follow-up's contact links: send, list, revoke, and the city's known contacts. */
@Injectable({ providedIn: 'root' })
export class ContactLinksApi {
  private readonly http = inject(HttpClient);

  private base(followUpId: string): string {
    return `${API}/${ROUTES.followUps}/${followUpId}/contact-links`;
  }

  list(followUpId: string): Observable<ContactLink[]> {
    return this.http.get<ContactLink[]>(this.base(followUpId));
  }

  /** People of the follow-up's city already asked by link, newest first. */
  contacts(followUpId: string): Observable<CityContact[]> {
    return this.http.get<CityContact[]>(`${this.base(followUpId)}/contacts`);
  }

  create(followUpId: string, body: CreateContactLinkRequest): Observable<ContactLinkCreated> {
    return this.http.post<ContactLinkCreated>(this.base(followUpId), body);
  }

  revoke(followUpId: string, linkId: string): Observable<void> {
    return this.http.delete<void>(`${this.base(followUpId)}/${linkId}`);
  }
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  MarkNotificationsReadRequest,
  MarkNotificationsReadResult,
  NotificationListQuery,
  NotificationPage,
  NotificationSettings,
  OutboxItem,
  OutboxListQuery,
  Page,
} from '@impact/contracts';
import { Observable } from 'rxjs';
import { API, toParams } from '../../core/http/api';

/** The caller's notifications and settings, and (admins) the mail outbox. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  list(query: NotificationListQuery): Observable<NotificationPage> {
    return this.http.get<NotificationPage>(`${API}/notifications`, {
      params: toParams({ unread: query.unread ? true : undefined, page: query.page, pageSize: query.pageSize }),
    });
  }

  markRead(request: MarkNotificationsReadRequest): Observable<MarkNotificationsReadResult> {
    return this.http.post<MarkNotificationsReadResult>(`${API}/notifications/read`, request);
  }

  settings(): Observable<NotificationSettings> {
    return this.http.get<NotificationSettings>(`${API}/notification-settings`);
  }

  saveSettings(settings: NotificationSettings): Observable<NotificationSettings> {
    return this.http.patch<NotificationSettings>(`${API}/notification-settings`, settings);
  }

  outbox(query: OutboxListQuery): Observable<Page<OutboxItem>> {
    return this.http.get<Page<OutboxItem>>(`${API}/outbox`, { params: toParams({ ...query }) });
  }
}

import { EmptyState } from '../shared/ui/empty-state';
import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { MAIL_STATUSES, MailStatus, OutboxItem } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocaleDatePipe } from '../core/i18n/locale.pipes';
import { NotificationsApi } from '../notifications/data-access/notifications.api';

const PAGE_SIZE = 20;

/** Admins read the mail outbox: what was queued, sent or failed, and each mail's text. */
@Component({
  selector: 'it-outbox-page',
  imports: [
    EmptyState,
    LocaleDatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    TranslocoPipe,
  ],
  templateUrl: './outbox.page.html',
  styleUrls: ['../shared/ui/tool-page.scss', './outbox.page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutboxPage {
  private readonly api = inject(NotificationsApi);
  private readonly reader = viewChild<ElementRef<HTMLElement>>('reader');

  protected readonly statuses = MAIL_STATUSES;
  protected readonly columns = ['to', 'subject', 'status', 'createdAt', 'sentAt', 'error', 'actions'];
  protected readonly status = signal<MailStatus | ''>('');
  protected readonly page = signal(1);
  protected readonly pageSize = PAGE_SIZE;
  protected readonly selected = signal<OutboxItem | null>(null);
  protected readonly result = rxResource({
    params: () => ({ status: this.status() || undefined, page: this.page(), pageSize: PAGE_SIZE }),
    stream: ({ params }) => this.api.outbox(params),
  });
  protected readonly items = computed<OutboxItem[]>(() => (this.result.hasValue() ? this.result.value().items : []));
  protected readonly total = computed(() => (this.result.hasValue() ? this.result.value().total : 0));

  protected setStatus(status: MailStatus | ''): void {
    this.status.set(status);
    this.page.set(1);
    this.selected.set(null);
  }

  protected onPage(event: PageEvent): void {
    this.page.set(event.pageIndex + 1);
    this.selected.set(null);
  }

  protected read(item: OutboxItem): void {
    this.selected.set(item);
    // Focus follows the reader so keyboard and screen-reader users land on the mail.
    setTimeout(() => this.reader()?.nativeElement.focus());
  }
}

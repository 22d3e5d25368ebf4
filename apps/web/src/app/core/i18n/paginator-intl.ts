import { Injectable, inject } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslocoService } from '@jsverse/transloco';
import { LanguageService } from './language.service';
import { formatNumber } from './locale.pipes';

/** Material's paginator labels, translated and with locale digits. */
@Injectable()
export class TranslatedPaginatorIntl extends MatPaginatorIntl {
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);

  constructor() {
    super();
    this.transloco.langChanges$.subscribe(() => this.refresh());
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    const locale = this.language.locale();
    if (length === 0) return this.transloco.translate('paginator.rangeEmpty');
    const start = page * pageSize;
    const end = Math.min(start + pageSize, length);
    return this.transloco.translate('paginator.range', {
      start: formatNumber(start + 1, locale),
      end: formatNumber(end, locale),
      total: formatNumber(length, locale),
    });
  };

  private refresh(): void {
    const t = (key: string) => this.transloco.translate(key);
    this.itemsPerPageLabel = t('paginator.itemsPerPage');
    this.nextPageLabel = t('paginator.next');
    this.previousPageLabel = t('paginator.previous');
    this.firstPageLabel = t('paginator.first');
    this.lastPageLabel = t('paginator.last');
    this.changes.next();
  }
}

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { PARTNER_KINDS, Partner, PartnerFilters } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../core/i18n/language.service';
import { PartnerLink } from '../shared/ui/partner-links';
import { ListCard, ListColumn, ListPage, ListView } from '../shared/list/list-page';
import { ListConfig, RecordList } from '../shared/list/list-state';
import { PartnersApi } from './partners.api';

export const PARTNERS_LIST: ListConfig = {
  filters: { kind: 'text' },
  sortable: ['name', 'kind', 'countryCode'],
  defaultSort: 'name:asc',
};

const PARTNERS_VIEW: ListView = {
  heading: 'partners.heading',
  search: 'partners.search',
  caption: 'partners.caption',
  emptyIcon: 'diversity_3',
  emptyTitle: 'partners.emptyTitle',
  emptyBody: 'partners.emptyBody',
  controls: [{ kind: 'select', key: 'kind', label: 'partners.kind', options: PARTNER_KINDS, labelKey: 'search.partnerKinds.' }],
};

/** The partner organisations of the network: name, kind and country, searchable and filtered by kind. */
@Component({
  selector: 'it-partners-page',
  imports: [ListCard, ListColumn, ListPage, PartnerLink, TranslocoPipe],
  templateUrl: './partners.page.html',
  styleUrl: '../shared/list/list-cells.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnersPage {
  private readonly language = inject(LanguageService);
  protected readonly list = new RecordList<PartnerFilters, Partner>(PARTNERS_LIST, inject(PartnersApi), 'partners.csv');
  protected readonly view = PARTNERS_VIEW;

  /** The country's name in the reader's language (the API keeps its ISO code). */
  protected country(code: string | null): string {
    if (!code) return '';
    try {
      return new Intl.DisplayNames([this.language.locale()], { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  }
}

import { Injectable } from '@angular/core';
import { CreatePartnerRequest, Partner, PartnerFilters, ROUTES, UpdatePartnerRequest } from '@impact/contracts';
import { RecordsApi } from '../shared/data/records-api';

/** `/api/partners`: the organisations engagements and commitments work with. */
@Injectable({ providedIn: 'root' })
export class PartnersApi extends RecordsApi<Partner, PartnerFilters, CreatePartnerRequest, UpdatePartnerRequest> {
  protected readonly path = ROUTES.partners;
}

import type { Partner } from '@impact/contracts';
import { PARTNER_CSV_COLUMNS } from '../partners/partner.columns';
import { CreatePartnerDto, UpdatePartnerDto } from '../partners/dto/partner.dto';
import type { SheetRow } from './read-rows';
import { blankToNull, checkHeader, planRow, type ImportSpec, type RowPlan } from './row-plan';
import type { ImportRowError } from './row-validation';

export type PartnerRowPlan = RowPlan<CreatePartnerDto, UpdatePartnerDto>;

const PARTNER_SPEC: ImportSpec<Partner, CreatePartnerDto, UpdatePartnerDto> = {
  noun: 'partner',
  columns: PARTNER_CSV_COLUMNS,
  createDto: CreatePartnerDto,
  updateDto: UpdatePartnerDto,
  body: (cells) => ({ name: cells['name'] ?? '', kind: cells['kind'] ?? '', countryCode: blankToNull(cells['countryCode']) }),
  same: (r, c) => r.name.trim() === c.name && r.kind === c.kind && (r.countryCode ?? null) === c.countryCode,
};

export const checkPartnerHeader = (header: readonly string[]): ImportRowError[] => checkHeader(PARTNER_SPEC, header);

/** Reads one partner row through the API's own validation and the version check. */
export const planPartnerRow = (row: SheetRow, live: (id: string) => Partner | undefined): Promise<PartnerRowPlan> =>
  planRow(PARTNER_SPEC, row, live);

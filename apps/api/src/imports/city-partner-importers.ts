import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { may, type CityListItem, type Partner } from '@impact/contracts';
import { CITY_CSV_COLUMNS } from '../cities/city.columns';
import { CitiesRepository } from '../cities/cities.repository';
import { CitiesService } from '../cities/cities.service';
import type { CreateCityDto, UpdateCityDto } from '../cities/dto/city.dto';
import type { CsvColumn } from '../common/csv';
import type { CreatePartnerDto, UpdatePartnerDto } from '../partners/dto/partner.dto';
import { PARTNER_CSV_COLUMNS } from '../partners/partner.columns';
import { PartnersRepository } from '../partners/partners.repository';
import { PartnersService } from '../partners/partners.service';
import { checkCityHeader, planCityRow, type HubRef } from './city-rows';
import type { ImportUpdated } from './import.entity';
import { archiveAudited, refusedBy, type AnyPlan, type Importer } from './importer';
import { checkPartnerHeader, planPartnerRow } from './partner-rows';

const cityFields = (c: CityListItem): ImportUpdated['before'] => ({
  name: c.name,
  countryCode: c.countryCode,
  hubId: c.hubId,
  kind: c.kind,
  membershipStatus: c.membershipStatus,
  memberSince: c.memberSince,
  leadOfficial: c.leadOfficial,
  latitude: c.latitude,
  longitude: c.longitude,
});

/** Imports of cities and partners (a few hundred records each: the live ones are read once when the import opens). */
@Injectable()
export class CityPartnerImporters {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly citiesService: CitiesService,
    private readonly cities: CitiesRepository,
    private readonly partnersService: PartnersService,
    private readonly partners: PartnersRepository,
  ) {}

  readonly cities_: Importer = {
    columns: CITY_CSV_COLUMNS as readonly CsvColumn<never>[],
    example: {
      id: '',
      name: 'Mombasa',
      countryCode: 'KE',
      hubName: 'East & Southern Africa',
      kind: 'city',
      membershipStatus: 'member',
      memberSince: '2021-06-01',
      leadOfficial: 'Mayor Abdulswamad Nassir',
      latitude: -4.04,
      longitude: 39.67,
    },
    mayImport: (user) => may(user.role, 'cities', 'create') || may(user.role, 'cities', 'update'),
    checkHeader: checkCityHeader,
    open: async (user) => {
      const hubs = (await this.dataSource.query(`SELECT id, name FROM hubs WHERE archived_at IS NULL`)) as HubRef[];
      const live = new Map((await this.cities.all(user, {})).map((c) => [c.id, c]));
      return {
        plan: (row) => planCityRow(row, hubs, (id) => live.get(id)) as Promise<AnyPlan>,
        refusal: (plan) => {
          if (plan.kind === 'create') {
            const dto = plan.request as CreateCityDto;
            return refusedBy(plan.row, 'hub', 'you may not add cities to this hub', () => this.citiesService.checkCreate(user, dto));
          }
          if (plan.kind !== 'update') return null;
          const before = live.get(plan.id) as CityListItem;
          return (
            refusedBy(plan.row, 'id', 'you may not change this city', () => this.citiesService.checkUpdate(user, before, {})) ??
            refusedBy(plan.row, 'hub', 'you may not move the city to this hub', () =>
              this.citiesService.checkUpdate(user, before, plan.request as UpdateCityDto),
            )
          );
        },
        write: async (m, plan, note) => {
          if (plan.kind === 'create') {
            const city = await this.citiesService.createIn(m, user, plan.request as CreateCityDto, note);
            return { id: city.id, version: city.version };
          }
          if (plan.kind !== 'update') throw new Error(`a ${plan.kind} row is not written`);
          const before = live.get(plan.id) as CityListItem;
          const city = await this.citiesService.updateIn(m, user, plan.id, plan.request as UpdateCityDto, note);
          return { id: city.id, version: city.version, before: cityFields(before) };
        },
      };
    },
    versionOf: async (m, id) => (await this.cities.findLive(id, m))?.version ?? null,
    archive: (m, user, id, note) => archiveAudited(this.audit, this.cities, 'city', m, user, id, note),
    restore: async (m, user, id, before, version, note) => {
      await this.citiesService.updateIn(m, user, id, { ...before, version } as UpdateCityDto, note);
    },
  };

  readonly partners_: Importer = {
    columns: PARTNER_CSV_COLUMNS as readonly CsvColumn<never>[],
    example: { id: '', name: 'Strong Cities Network', kind: 'civil_society', countryCode: 'GB' },
    mayImport: (user) => may(user.role, 'partners', 'create') || may(user.role, 'partners', 'update'),
    checkHeader: checkPartnerHeader,
    open: async (user) => {
      const live = new Map((await this.partners.all({})).map((p) => [p.id, p]));
      return {
        plan: (row) => planPartnerRow(row, (id) => live.get(id)) as Promise<AnyPlan>,
        // Partners concern no hub: the role decides (the controller's rule for POST and PATCH).
        refusal: (plan) =>
          (plan.kind === 'create' && !may(user.role, 'partners', 'create')) ||
          (plan.kind === 'update' && !may(user.role, 'partners', 'update'))
            ? { row: plan.row, column: 'id', message: `you may not ${plan.kind} partners` }
            : null,
        write: async (m, plan, note) => {
          if (plan.kind === 'create') {
            const p = await this.partnersService.createIn(m, user, plan.request as CreatePartnerDto, note);
            return { id: p.id, version: p.version };
          }
          if (plan.kind !== 'update') throw new Error(`a ${plan.kind} row is not written`);
          const before = live.get(plan.id) as Partner;
          const p = await this.partnersService.updateIn(m, user, plan.id, plan.request as UpdatePartnerDto, note);
          return { id: p.id, version: p.version, before: { name: before.name, kind: before.kind, countryCode: before.countryCode } };
        },
      };
    },
    versionOf: async (m, id) => (await this.partners.findLive(id, m))?.version ?? null,
    archive: (m, user, id, note) => archiveAudited(this.audit, this.partners, 'partner', m, user, id, note),
    restore: async (m, user, id, before, version, note) => {
      await this.partnersService.updateIn(m, user, id, { ...before, version } as UpdatePartnerDto, note);
    },
  };
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  LIAISON_COMMITMENT_FIELDS,
  may,
  type CityListItem,
  type CommitmentListItem,
  type EngagementListItem,
  type ImportEntity,
  type ImportRowError,
  type Partner,
} from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CITY_CSV_COLUMNS } from '../cities/city.columns';
import { CitiesRepository } from '../cities/cities.repository';
import { CitiesService } from '../cities/cities.service';
import type { CreateCityDto, UpdateCityDto } from '../cities/dto/city.dto';
import type { CsvColumn } from '../common/csv';
import { DomainError } from '../common/errors';
import type { CreatePartnerDto, UpdatePartnerDto } from '../partners/dto/partner.dto';
import { PARTNER_CSV_COLUMNS } from '../partners/partner.columns';
import { PartnersRepository } from '../partners/partners.repository';
import { PartnersService } from '../partners/partners.service';
import { COMMITMENT_CSV_COLUMNS } from '../commitments/commitment.columns';
import { CommitmentsRepository } from '../commitments/commitments.repository';
import { CommitmentsService } from '../commitments/commitments.service';
import type { CreateCommitmentDto, UpdateCommitmentDto } from '../commitments/dto/commitment.dto';
import type { CreateEngagementDto, UpdateEngagementDto } from '../engagements/dto/engagement.dto';
import { ENGAGEMENT_CSV_COLUMNS } from '../engagements/engagement.columns';
import { EngagementsRepository } from '../engagements/engagements.repository';
import { EngagementsService } from '../engagements/engagements.service';
import { createCommitments, createEngagements, type BatchOutcome, type CreateRow } from './batch-creates';
import { checkCityHeader, planCityRow, type HubRef } from './city-rows';
import { checkCommitmentHeader, planCommitmentRow } from './commitment-rows';
import { checkEngagementHeader, planEngagementRow } from './engagement-rows';
import { FollowUpImporters } from './follow-up-importers';
import { RecordRefs, type CityRow, type NamedRow, type UserRow } from './record-refs';
import { checkPartnerHeader, planPartnerRow } from './partner-rows';
import type { BeforeValue, ImportUpdated } from './import.entity';
import type { SheetRow } from './read-rows';
import type { RowPlan } from './row-plan';

type AnyPlan = RowPlan<object, object>;
export type CreatePlan = Extract<AnyPlan, { kind: 'create' }>;

/** Where a write of one row ended: the record's id and version, and (for an edit) its fields before. */
export interface Written {
  id: string;
  version: number;
  before?: ImportUpdated['before'];
}

/**
 * One import's view of an entity, for one user: reads a row into a plan (against the live records the
 * user may see), checks the plan with the service's own scope rules, and writes it through the
 * service's own write path inside the import's transaction.
 */
export interface EntityImport {
  plan(row: SheetRow): Promise<AnyPlan>;
  /** The rule the service would refuse the row with, as a row error; null when the user may write it. */
  refusal(plan: AnyPlan): ImportRowError | null;
  write(m: EntityManager, plan: AnyPlan, note: string): Promise<Written>;
  /**
   * Optional: writes a batch of creates in a few statements, storing and auditing exactly what `write`
   * would row by row. Without it, each create goes through `write`.
   */
  writeCreates?(m: EntityManager, plans: CreatePlan[], note: string): Promise<BatchOutcome>;
}

/** How an entity is imported and undone. */
export interface Importer {
  columns: readonly CsvColumn<never>[];
  /** A template's example row, in the export's columns. */
  example: Record<string, unknown>;
  /** May this role write this entity at all (create or update, in some scope)? */
  mayImport(user: AuthUser): boolean;
  checkHeader(header: readonly string[]): ImportRowError[];
  open(user: AuthUser): Promise<EntityImport>;
  /** The live record's version, or null when it is archived or gone. */
  versionOf(m: EntityManager, id: string): Promise<number | null>;
  /** Undo of a create: archive, audited. */
  archive(m: EntityManager, user: AuthUser, id: string, note: string): Promise<void>;
  /** Undo of an edit: the fields as before, through the service's write path (version check and scope included). */
  restore(m: EntityManager, user: AuthUser, id: string, before: ImportUpdated['before'], version: number, note: string): Promise<void>;
}

/** A refusal the service would answer (403/404) as the row's error on `column`. */
function refusedBy(row: number, column: string, message: string, check: () => void): ImportRowError | null {
  try {
    check();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return { row, column, message };
    throw e;
  }
}

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

const engagementFields = (e: EngagementListItem): ImportUpdated['before'] => ({
  title: e.title,
  type: e.type,
  hubId: e.hubId,
  startDate: e.startDate,
  endDate: e.endDate,
  locationCityId: e.locationCityId,
  online: e.online,
  hostCityId: e.hostCityId,
  participatingCityIds: e.participatingCityIds,
  partnerIds: e.partnerIds,
  participants: { ...e.participants },
  summary: e.summary,
  evidenceLinks: e.evidenceLinks,
});

/** A commitment's request field as the file's column. */
const COMMITMENT_COLUMN_OF: Record<string, string> = {
  cityId: 'city',
  ownerId: 'owner',
  inspiredByEngagementIds: 'inspiredBy',
  partnerIds: 'partners',
};

@Injectable()
export class Importers {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly citiesService: CitiesService,
    private readonly cities: CitiesRepository,
    private readonly partnersService: PartnersService,
    private readonly partners: PartnersRepository,
    private readonly engagementsService: EngagementsService,
    private readonly engagements: EngagementsRepository,
    private readonly commitmentsService: CommitmentsService,
    private readonly commitments: CommitmentsRepository,
    private readonly followUpImporters: FollowUpImporters,
  ) {}

  of(entity: ImportEntity): Importer {
    const importers: Record<ImportEntity, Importer> = {
      cities: this.cityImporter,
      partners: this.partnerImporter,
      engagements: this.engagementImporter,
      commitments: this.commitmentImporter,
      'follow-ups': this.followUpImporters.followUps_,
      outcomes: this.followUpImporters.outcomes_,
    };
    return importers[entity];
  }

  /**
   * What rows of engagements and commitments may name: live hubs, cities, partners and users, and the
   * engagements the user may read (by title), a handful of statements when the import opens.
   */
  private async recordRefs(user: AuthUser, withEngagements: boolean): Promise<RecordRefs> {
    const q = <T>(sql: string) => this.dataSource.query(sql) as Promise<T[]>;
    const [hubs, cities, partners, users, engagements] = await Promise.all([
      q<HubRef>(`SELECT id, name FROM hubs WHERE archived_at IS NULL`),
      q<CityRow>(`SELECT id, name, country_code AS "countryCode", hub_id AS "hubId" FROM cities WHERE archived_at IS NULL`),
      q<NamedRow>(`SELECT id, name FROM partners WHERE archived_at IS NULL`),
      q<UserRow>(`SELECT id, name, email FROM users WHERE archived_at IS NULL`),
      withEngagements
        ? this.engagements.readable(user).select('e.id', 'id').addSelect('e.title', 'name').getRawMany<NamedRow>()
        : Promise.resolve([]),
    ]);
    return new RecordRefs({ hubs, cities, partners, users, engagements });
  }

  private readonly cityImporter: Importer = {
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
    archive: async (m, user, id, note) => {
      if (await this.cities.archive(m, id)) await this.citiesService.auditArchive(m, user, id, note);
    },
    restore: async (m, user, id, before, version, note) => {
      await this.citiesService.updateIn(m, user, id, { ...before, version } as UpdateCityDto, note);
    },
  };

  private readonly partnerImporter: Importer = {
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
    archive: async (m, user, id, note) => {
      if (await this.partners.archive(m, id)) await this.partnersService.auditArchive(m, user, id, note);
    },
    restore: async (m, user, id, before, version, note) => {
      await this.partnersService.updateIn(m, user, id, { ...before, version } as UpdatePartnerDto, note);
    },
  };

  private readonly engagementImporter: Importer = {
    columns: ENGAGEMENT_CSV_COLUMNS as readonly CsvColumn<never>[],
    example: {
      id: '',
      title: 'Regional prevention workshop',
      type: 'regional_workshop',
      hubName: 'East & Southern Africa',
      startDate: '2025-03-10',
      endDate: '2025-03-11',
      online: false,
      locationCityName: 'Nairobi',
      hostCityName: 'Nairobi',
      participatingCities: [{ id: '', name: 'Nairobi' }],
      partners: [],
      participants: { total: 40, mayors: 2, officials: 10, youth: 12, women: 20, communityLeaders: 6 },
      summary: 'Two days on early warning and community referral.',
      evidenceLinks: ['https://example.org/report'],
      version: null,
    },
    mayImport: (user) => may(user.role, 'engagements', 'create') || may(user.role, 'engagements', 'update'),
    checkHeader: checkEngagementHeader,
    open: async (user) => {
      const refs = await this.recordRefs(user, false);
      const live = new Map((await this.engagements.all(user, {})).map((e) => [e.id, e]));
      return {
        plan: (row) => planEngagementRow(row, refs, (id) => live.get(id)) as Promise<AnyPlan>,
        refusal: (plan) => {
          if (plan.kind === 'create') {
            const dto = plan.request as CreateEngagementDto;
            return refusedBy(plan.row, 'hub', 'you may not add engagements to this hub', () =>
              this.engagementsService.checkCreate(user, dto),
            );
          }
          if (plan.kind !== 'update') return null;
          const before = live.get(plan.id) as EngagementListItem;
          return (
            refusedBy(plan.row, 'id', 'you may not change this engagement', () => this.engagementsService.checkUpdate(user, before, {})) ??
            refusedBy(plan.row, 'hub', 'you may not move the engagement to this hub', () =>
              this.engagementsService.checkUpdate(user, before, plan.request as UpdateEngagementDto),
            )
          );
        },
        write: async (m, plan, note) => {
          if (plan.kind === 'create') {
            const e = await this.engagementsService.createIn(m, user, plan.request as CreateEngagementDto, note);
            return { id: e.id, version: e.version };
          }
          if (plan.kind !== 'update') throw new Error(`a ${plan.kind} row is not written`);
          const before = live.get(plan.id) as EngagementListItem;
          const e = await this.engagementsService.updateIn(m, user, plan.id, plan.request as UpdateEngagementDto, note);
          return { id: e.id, version: e.version, before: engagementFields(before) };
        },
        writeCreates: (m, plans, note) => createEngagements(m, user, this.engagements, plans as CreateRow<CreateEngagementDto>[], note),
      };
    },
    versionOf: async (m, id) => (await this.engagements.findLive(id, m))?.version ?? null,
    archive: async (m, user, id, note) => {
      if (await this.engagements.archive(m, id)) await this.engagementsService.auditArchive(m, user, id, note);
    },
    restore: async (m, user, id, before, version, note) => {
      await this.engagementsService.updateIn(m, user, id, { ...before, version } as UpdateEngagementDto, note);
    },
  };

  private readonly commitmentImporter: Importer = {
    columns: COMMITMENT_CSV_COLUMNS as readonly CsvColumn<never>[],
    example: {
      id: '',
      title: 'Municipal prevention plan',
      kind: 'local_safety_council',
      cityName: 'Nairobi',
      hubName: 'East & Southern Africa',
      ownerName: '',
      targetDate: '2026-06-30',
      progress: 0,
      status: 'pledged',
      atRisk: false,
      inspiredBy: [],
      partners: [],
      description: 'A city-wide plan adopted by the council.',
      createdAt: '',
      version: null,
    },
    mayImport: (user) => may(user.role, 'commitments', 'create') || may(user.role, 'commitments', 'update'),
    checkHeader: checkCommitmentHeader,
    open: async (user) => {
      const refs = await this.recordRefs(user, true);
      const live = new Map((await this.commitments.all(user, {})).map((c) => [c.id, c]));
      const hubOf = (cityId: string | undefined) => (cityId ? refs.cityById(cityId)?.hubId : undefined);
      return {
        plan: (row) => planCommitmentRow(row, refs, (id) => live.get(id)) as Promise<AnyPlan>,
        refusal: (plan) => {
          if (plan.kind === 'create') {
            const dto = plan.request as CreateCommitmentDto;
            return refusedBy(plan.row, 'city', 'you may not add commitments to this city', () =>
              this.commitmentsService.checkCreate(user, dto, hubOf(dto.cityId) ?? ''),
            );
          }
          if (plan.kind !== 'update') return null;
          const before = live.get(plan.id) as CommitmentListItem;
          const dto = plan.request as UpdateCommitmentDto;
          const own = refusedBy(plan.row, 'id', 'you may not change this commitment', () =>
            this.commitmentsService.checkUpdate(user, before, { version: dto.version }),
          );
          if (own) return own;
          const beyond = Object.keys(dto).find((k) => k !== 'version' && !(LIAISON_COMMITMENT_FIELDS as readonly string[]).includes(k));
          if (user.role === 'city_liaison' && beyond)
            return {
              row: plan.row,
              column: COMMITMENT_COLUMN_OF[beyond] ?? beyond,
              message: `a city liaison may change only progress and owner`,
            };
          return refusedBy(plan.row, 'city', 'you may not move the commitment to this city', () =>
            this.commitmentsService.checkUpdate(user, before, dto, hubOf(dto.cityId)),
          );
        },
        write: async (m, plan, note) => {
          if (plan.kind === 'create') {
            const c = await this.commitmentsService.createIn(m, user, plan.request as CreateCommitmentDto, note);
            return { id: c.id, version: c.version };
          }
          if (plan.kind !== 'update') throw new Error(`a ${plan.kind} row is not written`);
          const before = live.get(plan.id) as CommitmentListItem;
          const dto = plan.request as UpdateCommitmentDto;
          const c = await this.commitmentsService.updateIn(m, user, plan.id, dto, note);
          // Only the fields the row changed are restored by undo (a liaison's undo stays within a liaison's fields).
          const fields = Object.keys(dto).filter((k) => k !== 'version') as (keyof CommitmentListItem)[];
          return { id: c.id, version: c.version, before: Object.fromEntries(fields.map((f) => [f, before[f] as BeforeValue])) };
        },
        writeCreates: (m, plans, note) =>
          createCommitments(
            m,
            user,
            this.commitments,
            (dto, hubId) => this.commitmentsService.checkCreate(user, dto, hubId),
            plans as CreateRow<CreateCommitmentDto>[],
            note,
          ),
      };
    },
    versionOf: async (m, id) => (await this.commitments.findLive(id, m))?.version ?? null,
    archive: async (m, user, id, note) => {
      if (await this.commitments.archive(m, id)) await this.commitmentsService.auditArchive(m, user, id, note);
    },
    restore: async (m, user, id, before, version, note) => {
      await this.commitmentsService.updateIn(m, user, id, { ...before, version } as UpdateCommitmentDto, note);
    },
  };
}

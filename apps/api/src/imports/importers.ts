import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { LIAISON_COMMITMENT_FIELDS, may, type CommitmentListItem, type EngagementListItem, type ImportEntity } from '@impact/contracts';
import type { CsvColumn } from '../common/csv';
import { COMMITMENT_CSV_COLUMNS } from '../commitments/commitment.columns';
import { CommitmentsRepository } from '../commitments/commitments.repository';
import { CommitmentsService } from '../commitments/commitments.service';
import type { CreateCommitmentDto, UpdateCommitmentDto } from '../commitments/dto/commitment.dto';
import type { CreateEngagementDto, UpdateEngagementDto } from '../engagements/dto/engagement.dto';
import { ENGAGEMENT_CSV_COLUMNS } from '../engagements/engagement.columns';
import { EngagementsRepository } from '../engagements/engagements.repository';
import { EngagementsService } from '../engagements/engagements.service';
import { createCommitments, createEngagements, type CreateRow } from './batch-creates';
import { CityPartnerImporters } from './city-partner-importers';
import type { HubRef } from './city-rows';
import { checkCommitmentHeader, planCommitmentRow } from './commitment-rows';
import { checkEngagementHeader, planEngagementRow } from './engagement-rows';
import { FollowUpImporters } from './follow-up-importers';
import type { BeforeValue, ImportUpdated } from './import.entity';
import { archiveAudited, refusedBy, type AnyPlan, type Importer } from './importer';
import type { SheetRow } from './read-rows';
import { nameSkeleton } from './names';
import { listCell, RecordRefs, type CityRow, type NamedRow, type UserRow } from './record-refs';

export type { CreatePlan, EntityImport, Importer, Written } from './importer';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids a run of rows names in its `id` column (well-formed ones: any other is no record). */
export const rowIds = (rows: readonly SheetRow[]): string[] => [
  ...new Set(rows.map((r) => r.cells['id']?.trim() ?? '').filter((id) => UUID.test(id))),
];

/**
 * The live records a run of rows edits, among those the user may read, read by id (one statement
 * for the ids in scope, one for their read models): an import holds one run's records, never every
 * record the user may read.
 */
async function liveOf<T extends { id: string }>(
  ids: string[],
  readableIds: (ids: string[]) => Promise<string[]>,
  load: (ids: string[]) => Promise<T[]>,
): Promise<Map<string, T>> {
  const visible = ids.length ? await readableIds(ids) : [];
  return new Map((visible.length ? await load(visible) : []).map((r) => [r.id, r]));
}

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
    private readonly audit: AuditService,
    private readonly cityPartnerImporters: CityPartnerImporters,
    private readonly engagementsService: EngagementsService,
    private readonly engagements: EngagementsRepository,
    private readonly commitmentsService: CommitmentsService,
    private readonly commitments: CommitmentsRepository,
    private readonly followUpImporters: FollowUpImporters,
  ) {}

  of(entity: ImportEntity): Importer {
    const importers: Record<ImportEntity, Importer> = {
      cities: this.cityPartnerImporters.cities_,
      partners: this.cityPartnerImporters.partners_,
      engagements: this.engagementImporter,
      commitments: this.commitmentImporter,
      'follow-ups': this.followUpImporters.followUps_,
      outcomes: this.followUpImporters.outcomes_,
    };
    return importers[entity];
  }

  /**
   * What rows of engagements and commitments may name: live hubs, cities, partners and users, and the
   * a handful of statements when the import opens.
   */
  private async recordRefs(): Promise<RecordRefs> {
    const q = <T>(sql: string) => this.dataSource.query(sql) as Promise<T[]>;
    const [hubs, cities, partners, users] = await Promise.all([
      q<HubRef>(`SELECT id, name FROM hubs WHERE archived_at IS NULL`),
      q<CityRow>(`SELECT id, name, country_code AS "countryCode", hub_id AS "hubId" FROM cities WHERE archived_at IS NULL`),
      q<NamedRow>(`SELECT id, name FROM partners WHERE archived_at IS NULL`),
      q<UserRow>(`SELECT id, name, email FROM users WHERE archived_at IS NULL`),
    ]);
    // Engagements (by title) are read for each run of rows, as the rows name them.
    return new RecordRefs({ hubs, cities, partners, users, engagements: [] });
  }

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
      const refs = await this.recordRefs();
      let live = new Map<string, EngagementListItem>();
      return {
        prefetch: async (rows) => {
          live = await liveOf(
            rowIds(rows),
            (ids) => this.engagements.readableIds(user, ids),
            (ids) => this.engagements.load(ids),
          );
        },
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
        writeCreates: (m, plans, note) => createEngagements(m, user, plans as CreateRow<CreateEngagementDto>[], note),
      };
    },
    versionOf: async (m, id) => (await this.engagements.findLive(id, m))?.version ?? null,
    archive: (m, user, id, note) => archiveAudited(this.audit, this.engagements, 'engagement', m, user, id, note),
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
      const refs = await this.recordRefs();
      let live = new Map<string, CommitmentListItem>();
      const hubOf = (cityId: string | undefined) => (cityId ? refs.cityById(cityId)?.hubId : undefined);
      return {
        prefetch: async (rows) => {
          live = await liveOf(
            rowIds(rows),
            (ids) => this.commitments.readableIds(user, ids),
            (ids) => this.commitments.load(ids),
          );
          // The engagements the run names in `inspiredBy` (by id or title) and those its records name today.
          const named = rows.flatMap((r) => listCell(r.cells['inspiredBy']));
          const ids = new Set([...named.filter((v) => UUID.test(v)), ...[...live.values()].flatMap((c) => c.inspiredByEngagementIds)]);
          refs.useEngagements(await this.engagements.readableRefs(user, [...ids], [...new Set(named.map(nameSkeleton))]));
        },
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
            (dto, hubId) => this.commitmentsService.checkCreate(user, dto, hubId),
            plans as CreateRow<CreateCommitmentDto>[],
            note,
          ),
      };
    },
    versionOf: async (m, id) => (await this.commitments.findLive(id, m))?.version ?? null,
    archive: (m, user, id, note) => archiveAudited(this.audit, this.commitments, 'commitment', m, user, id, note),
    restore: async (m, user, id, before, version, note) => {
      await this.commitmentsService.updateIn(m, user, id, { ...before, version } as UpdateCommitmentDto, note);
    },
  };
}

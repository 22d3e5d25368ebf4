import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import {
  commitmentPlace,
  engagementPlace,
  followUpPlace,
  listedFollowUpPlace,
  may,
  mayOnRecord,
  outcomePlace,
  type FollowUpListItem,
  type ImportRowError,
  type OutcomeListItem,
  type RecordPlace,
} from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CommitmentsRepository } from '../commitments/commitments.repository';
import type { CsvColumn } from '../common/csv';
import { ValidationFailedError } from '../common/errors';
import { EngagementsRepository } from '../engagements/engagements.repository';
import type { CreateFollowUpDto, UpdateFollowUpDto } from '../follow-ups/dto/follow-up.dto';
import { FOLLOW_UP_CSV_COLUMNS } from '../follow-ups/follow-up.columns';
import { FollowUpsRepository } from '../follow-ups/follow-ups.repository';
import { FollowUpsService } from '../follow-ups/follow-ups.service';
import type { CreateOutcomeDto, UpdateOutcomeDto } from '../outcomes/dto/outcome.dto';
import { OUTCOME_CSV_COLUMNS } from '../outcomes/outcome.columns';
import { OutcomesRepository } from '../outcomes/outcomes.repository';
import { OutcomesService } from '../outcomes/outcomes.service';
import { checkFollowUpHeader, planFollowUpRow, type EngagementRef } from './follow-up-rows';
import type { BeforeValue, ImportUpdated } from './import.entity';
import { archiveAudited } from './importer';
import type { Importer } from './importers';
import { NameIndex } from './names';
import { checkOutcomeHeader, planOutcomeRow } from './outcome-rows';
import type { CommitmentRef } from './parent-refs';
import { RecordRefs, type CityRow, type UserRow } from './record-refs';
import type { RowPlan } from './row-plan';

type AnyPlan = RowPlan<object, object>;

/** A service's 400 on a request field, as the row's error on the file's column. */
async function onColumns<T>(columnOf: Record<string, string>, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (!(e instanceof ValidationFailedError)) throw e;
    throw new ValidationFailedError(e.fieldErrors.map((f) => ({ ...f, field: columnOf[f.field] ?? f.field })));
  }
}

/** Only the fields an edit changed, as they were (undo restores these and leaves the rest alone). */
function beforeOf<T extends object>(dto: object, before: T): ImportUpdated['before'] {
  const fields = Object.keys(dto).filter((k) => k !== 'version' && k !== 'verified');
  return Object.fromEntries(fields.map((f) => [f, before[f as keyof T] as BeforeValue]));
}

const FOLLOW_UP_COLUMN_OF: Record<string, string> = { commitmentId: 'commitment', engagementId: 'engagement', ownerId: 'owner' };
const OUTCOME_COLUMN_OF: Record<string, string> = { cityId: 'city', commitmentId: 'commitment', verified: 'verifiedBy' };

/**
 * Imports of follow-ups and outcomes, through the per-row interface of `Importers`: rows read
 * against the records the user may read, refused by the permission table on the record's place
 * (as the services refuse), and written through the services' own write paths.
 */
@Injectable()
export class FollowUpImporters {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly engagements: EngagementsRepository,
    private readonly commitments: CommitmentsRepository,
    private readonly followUpsService: FollowUpsService,
    private readonly followUps: FollowUpsRepository,
    private readonly outcomesService: OutcomesService,
    private readonly outcomes: OutcomesRepository,
  ) {}

  /** Live cities and users (by name or e-mail), and the commitments the user may read, by id or title. */
  private async refs(user: AuthUser): Promise<{ refs: RecordRefs; commitments: NameIndex<CommitmentRef> }> {
    const q = <T>(sql: string) => this.dataSource.query(sql) as Promise<T[]>;
    const [cities, users, commitments] = await Promise.all([
      q<CityRow>(`SELECT id, name, country_code AS "countryCode", hub_id AS "hubId" FROM cities WHERE archived_at IS NULL`),
      q<UserRow>(`SELECT id, name, email FROM users WHERE archived_at IS NULL`),
      this.commitments.all(user, {}),
    ]);
    return {
      refs: new RecordRefs({ hubs: [], cities, partners: [], users, engagements: [] }),
      commitments: new NameIndex(
        commitments.map((c) => ({ id: c.id, name: c.title, cityId: c.cityId, cityName: c.cityName, hubId: c.hubId })),
        (c) => c.name,
        'commitment',
      ),
    };
  }

  readonly followUps_: Importer = {
    columns: FOLLOW_UP_CSV_COLUMNS as readonly CsvColumn<never>[],
    example: {
      id: '',
      title: 'Send the referral guide to the council',
      kind: 'technical_assistance',
      status: 'open',
      overdue: false,
      dueDate: '2026-03-31',
      completedAt: '',
      ownerName: '',
      cityName: 'Nairobi',
      commitmentTitle: '',
      engagementTitle: 'Regional prevention workshop',
      note: 'Agreed at the workshop.',
      version: null,
    },
    mayImport: (user) => may(user.role, 'followUps', 'create') || may(user.role, 'followUps', 'update'),
    checkHeader: checkFollowUpHeader,
    open: async (user) => {
      const [{ refs, commitments }, engagements, followUps] = await Promise.all([
        this.refs(user),
        this.engagements.all(user, {}),
        this.followUps.all(user, {}),
      ]);
      const engagementIndex = new NameIndex<EngagementRef>(
        engagements.map((e) => ({ id: e.id, name: e.title, place: engagementPlace(e) })),
        (e) => e.name,
        'engagement',
      );
      const live = new Map(followUps.map((f) => [f.id, f]));
      /** Where a follow-up with these parents sits (its commitment's place, else its engagement's). */
      const placeOf = (dto: { commitmentId?: string | null; engagementId?: string | null }): RecordPlace | null => {
        const c = dto.commitmentId ? commitments.match(dto.commitmentId) : null;
        const e = dto.engagementId ? engagementIndex.match(dto.engagementId) : null;
        return followUpPlace({
          commitment: c && 'found' in c ? commitmentPlace(c.found) : null,
          engagement: e && 'found' in e ? e.found.place : null,
        });
      };
      const parentColumn = (dto: { commitmentId?: string | null }) => (dto.commitmentId ? 'commitment' : 'engagement');
      return {
        plan: (row) => planFollowUpRow(row, { refs, commitments, engagements: engagementIndex }, (id) => live.get(id)) as Promise<AnyPlan>,
        refusal: (plan): ImportRowError | null => {
          if (plan.kind === 'create') {
            const dto = plan.request as CreateFollowUpDto;
            const place = placeOf(dto);
            return place && !mayOnRecord(user, 'followUps', 'create', place)
              ? { row: plan.row, column: parentColumn(dto), message: `you may not add follow-ups to this ${parentColumn(dto)}` }
              : null;
          }
          if (plan.kind !== 'update') return null;
          const before = live.get(plan.id) as FollowUpListItem;
          if (!mayOnRecord(user, 'followUps', 'update', listedFollowUpPlace(before)))
            return { row: plan.row, column: 'id', message: 'you may not change this follow-up' };
          const dto = plan.request as UpdateFollowUpDto;
          if (dto.commitmentId === undefined && dto.engagementId === undefined) return null;
          // Moving it needs the right to add follow-ups where it goes.
          const moved = {
            commitmentId: dto.commitmentId === undefined ? before.commitmentId : dto.commitmentId,
            engagementId: dto.engagementId === undefined ? before.engagementId : dto.engagementId,
          };
          const place = placeOf(moved);
          return place && !mayOnRecord(user, 'followUps', 'create', place)
            ? { row: plan.row, column: parentColumn(moved), message: `you may not move the follow-up to this ${parentColumn(moved)}` }
            : null;
        },
        write: async (m, plan, note) => {
          if (plan.kind === 'create') {
            const f = await onColumns(FOLLOW_UP_COLUMN_OF, () =>
              this.followUpsService.createIn(m, user, plan.request as CreateFollowUpDto, note),
            );
            return { id: f.id, version: f.version };
          }
          if (plan.kind !== 'update') throw new Error(`a ${plan.kind} row is not written`);
          const dto = plan.request as UpdateFollowUpDto;
          const f = await onColumns(FOLLOW_UP_COLUMN_OF, () => this.followUpsService.updateIn(m, user, plan.id, dto, note));
          return { id: f.id, version: f.version, before: beforeOf(dto, live.get(plan.id) as FollowUpListItem) };
        },
      };
    },
    versionOf: async (m, id) => (await this.followUps.findLive(id, m))?.version ?? null,
    archive: (m, user, id, note) => archiveAudited(this.audit, this.followUps, 'followUp', m, user, id, note),
    restore: async (m, user, id, before, version, note) => {
      await this.followUpsService.updateIn(m, user, id, { ...before, version } as UpdateFollowUpDto, note);
    },
  };

  readonly outcomes_: Importer = {
    columns: OUTCOME_CSV_COLUMNS as readonly CsvColumn<never>[],
    example: {
      id: '',
      date: '2026-02-15',
      type: 'people_trained',
      value: 45,
      unit: 'frontline workers',
      cityName: 'Nairobi',
      commitmentTitle: '',
      description: 'Frontline workers trained in community referral.',
      evidenceUrl: 'https://example.org/evidence',
      verifiedByName: '',
      verifiedAt: '',
      version: null,
    },
    mayImport: (user) => may(user.role, 'outcomes', 'create') || may(user.role, 'outcomes', 'update'),
    checkHeader: checkOutcomeHeader,
    open: async (user) => {
      const [{ refs, commitments }, outcomes] = await Promise.all([this.refs(user), this.outcomes.all(user, {})]);
      const live = new Map(outcomes.map((o) => [o.id, o]));
      const placeIn = (cityId: string): RecordPlace | null => {
        const city = refs.cityById(cityId);
        return city ? outcomePlace({ hubId: city.hubId, cityId }) : null;
      };
      return {
        plan: (row) => planOutcomeRow(row, user, { refs, commitments }, (id) => live.get(id)) as Promise<AnyPlan>,
        refusal: (plan): ImportRowError | null => {
          if (plan.kind === 'create') {
            const place = placeIn((plan.request as CreateOutcomeDto).cityId);
            return place && !mayOnRecord(user, 'outcomes', 'create', place)
              ? { row: plan.row, column: 'city', message: 'you may not add outcomes to this city' }
              : null;
          }
          if (plan.kind !== 'update') return null;
          const before = live.get(plan.id) as OutcomeListItem;
          if (!mayOnRecord(user, 'outcomes', 'update', outcomePlace(before)))
            return { row: plan.row, column: 'id', message: 'you may not change this outcome' };
          const dto = plan.request as UpdateOutcomeDto;
          if (dto.cityId === undefined && dto.commitmentId === undefined) return null;
          const place = placeIn(dto.cityId ?? before.cityId);
          return place && !mayOnRecord(user, 'outcomes', 'create', place)
            ? { row: plan.row, column: 'city', message: 'you may not move the outcome to this city' }
            : null;
        },
        write: async (m, plan, note) => {
          if (plan.kind === 'create') {
            const o = await onColumns(OUTCOME_COLUMN_OF, () =>
              this.outcomesService.createIn(m, user, plan.request as CreateOutcomeDto, note),
            );
            return { id: o.id, version: o.version };
          }
          if (plan.kind !== 'update') throw new Error(`a ${plan.kind} row is not written`);
          const dto = plan.request as UpdateOutcomeDto;
          const before = live.get(plan.id) as OutcomeListItem;
          const o = await onColumns(OUTCOME_COLUMN_OF, () => this.outcomesService.updateIn(m, user, plan.id, dto, note));
          // A verification the row changed (set, cleared, or cleared by a changed figure) is restored as it
          // was: its verifier and time, not the undoing user's.
          const restore = beforeOf(dto, before);
          if (o.verifiedById !== before.verifiedById || o.verifiedAt !== before.verifiedAt) {
            restore['verifiedById'] = before.verifiedById;
            restore['verifiedAt'] = before.verifiedAt;
          }
          return { id: o.id, version: o.version, before: restore };
        },
      };
    },
    versionOf: async (m, id) => (await this.outcomes.findLive(id, m))?.version ?? null,
    archive: (m, user, id, note) => archiveAudited(this.audit, this.outcomes, 'outcome', m, user, id, note),
    restore: async (m, user, id, before, version, note) => {
      const { verifiedById, verifiedAt, ...fields } = before;
      // Imports made before verifications were kept as they were hold `verified` (restored in the undoing user's name).
      const restored =
        verifiedById === undefined ? undefined : { verifiedById: verifiedById as string | null, verifiedAt: verifiedAt as string | null };
      await this.outcomesService.updateIn(m, user, id, { ...fields, version } as UpdateOutcomeDto, note, restored);
    },
  };
}

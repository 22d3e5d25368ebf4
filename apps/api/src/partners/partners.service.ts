import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Page, Partner, PartnerKind } from '@impact/contracts';
import { AuditService } from '../audit/audit.service';
import { diffObjects } from '../audit/diff';
import type { AuthUser } from '../auth/auth-user';
import { NotFoundError, StaleVersionError } from '../common/errors';
import { allRows, likePattern, orderBy, pagedQuery, pageParams, sortFields, toPage, Where, type PagedQuery } from '../common/list';
import { archiveRecord, trimmed, updateVersioned } from '../common/legacy-records';
import type { CreatePartnerDto, PartnerListQueryDto, UpdatePartnerDto } from './dto/partner.dto';

interface PartnerRow {
  id: string;
  name: string;
  kind: PartnerKind;
  country_code: string | null;
  version: number;
}

export const toPartner = (r: PartnerRow): Partner => ({ id: r.id, name: r.name, kind: r.kind, countryCode: r.country_code, version: r.version });

const SELECT = 'p.id, p.name, p.kind, p.country_code, p.version';
const SORTS = sortFields({ name: 'p.name', kind: 'p.kind', countryCode: 'p.country_code' });

/** Partners concern no single hub: everyone reads them, hub managers add and edit them, admins archive. */
@Injectable()
export class PartnersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private query(f: PartnerListQueryDto): PagedQuery {
    const where = new Where().add('p.archived_at IS NULL').when(f.kind, 'p.kind = ?').when(likePattern(f.q), 'p.name ILIKE ?');
    return { select: SELECT, from: 'partners p', where, orderBy: orderBy(f.sort, SORTS, 'p.name', 'p.id') };
  }

  async list(query: PartnerListQueryDto): Promise<Page<Partner>> {
    const { page, pageSize } = pageParams(query);
    const { rows, total } = await pagedQuery<PartnerRow>(this.dataSource.manager, this.query(query), page, pageSize);
    return toPage(rows.map(toPartner), total, page, pageSize);
  }

  async export(query: PartnerListQueryDto): Promise<Partner[]> {
    return (await allRows<PartnerRow>(this.dataSource.manager, this.query(query))).map(toPartner);
  }

  async get(id: string, m: EntityManager = this.dataSource.manager): Promise<Partner> {
    const [row]: PartnerRow[] = await m.query(`SELECT ${SELECT} FROM partners p WHERE p.id = $1 AND p.archived_at IS NULL`, [id]);
    if (!row) throw new NotFoundError('Partner', id);
    return toPartner(row);
  }

  async create(user: AuthUser, dto: CreatePartnerDto): Promise<Partner> {
    return this.dataSource.transaction(async (m) => {
      const [{ id }] = await m.query(`INSERT INTO partners (name, kind, country_code) VALUES ($1, $2, $3) RETURNING id`, [
        dto.name.trim(),
        dto.kind,
        dto.countryCode ?? null,
      ]);
      const created = await this.get(id, m);
      await this.audit.record(m, { actorId: user.id, entity: 'partner', entityId: id, action: 'create', changes: diffObjects(null, { ...created }) });
      return created;
    });
  }

  async update(user: AuthUser, id: string, dto: UpdatePartnerDto): Promise<Partner> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.get(id, m);
      if (before.version !== dto.version) throw new StaleVersionError(before);
      const values = { name: trimmed(dto.name), kind: dto.kind, countryCode: dto.countryCode };
      if (!(await updateVersioned(m, 'partners', id, dto.version, values, { name: 'name', kind: 'kind', countryCode: 'country_code' }))) {
        throw new StaleVersionError(await this.get(id, m));
      }
      const after = await this.get(id, m);
      await this.audit.record(m, { actorId: user.id, entity: 'partner', entityId: id, action: 'update', changes: diffObjects({ ...before }, { ...after }) });
      return after;
    });
  }

  async archive(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.get(id, m);
      if (await archiveRecord(m, 'partners', id)) {
        await this.audit.record(m, { actorId: user.id, entity: 'partner', entityId: id, action: 'archive', changes: null });
      }
    });
  }
}

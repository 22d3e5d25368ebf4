import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Hub } from '@impact/contracts';
import { AuditService } from '../audit/audit.service';
import { diffObjects } from '../audit/diff';
import type { AuthUser } from '../auth/auth-user';
import { ConflictError, NotFoundError, StaleVersionError } from '../common/errors';
import { archiveRecord, trimmed, updateVersioned } from '../common/legacy-records';
import type { CreateHubDto, UpdateHubDto } from './dto/hub.dto';

interface HubRow {
  id: string;
  code: string;
  name: string;
  version: number;
}

export const toHub = (r: HubRow): Hub => ({ id: r.id, code: r.code, name: r.name, version: r.version });

const SELECT = `SELECT h.id, h.code, h.name, h.version FROM hubs h`;

/** Hubs: every signed-in user reads them (a short list, no paging); only admins change them. */
@Injectable()
export class HubsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<Hub[]> {
    const rows: HubRow[] = await this.dataSource.query(`${SELECT} WHERE h.archived_at IS NULL ORDER BY h.name, h.id`);
    return rows.map(toHub);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Hub> {
    const [row]: HubRow[] = await manager.query(`${SELECT} WHERE h.id = $1 AND h.archived_at IS NULL`, [id]);
    if (!row) throw new NotFoundError('Hub', id);
    return toHub(row);
  }

  async create(actor: AuthUser, dto: CreateHubDto): Promise<Hub> {
    return this.dataSource.transaction(async (m) => {
      await this.checkCode(m, dto.code, null);
      const [{ id }] = await m.query(`INSERT INTO hubs (code, name) VALUES ($1, $2) RETURNING id`, [dto.code, dto.name.trim()]);
      const created = await this.get(id, m);
      await this.audit.record(m, { actorId: actor.id, entity: 'hub', entityId: id, action: 'create', changes: diffObjects(null, { ...created }) });
      return created;
    });
  }

  async update(actor: AuthUser, id: string, dto: UpdateHubDto): Promise<Hub> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.get(id, m);
      if (dto.code !== undefined) await this.checkCode(m, dto.code, id);
      if (before.version !== dto.version) throw new StaleVersionError(before);
      if (!(await updateVersioned(m, 'hubs', id, dto.version, { code: dto.code, name: trimmed(dto.name) }, { code: 'code', name: 'name' }))) {
        throw new StaleVersionError(await this.get(id, m));
      }
      const after = await this.get(id, m);
      await this.audit.record(m, { actorId: actor.id, entity: 'hub', entityId: id, action: 'update', changes: diffObjects({ ...before }, { ...after }) });
      return after;
    });
  }

  /** Archives a hub that no live city belongs to. */
  async archive(actor: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.get(id, m);
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM cities WHERE hub_id = $1 AND archived_at IS NULL`, [id]);
      if (n > 0) throw new ConflictError(`The hub still has ${n} cities; move or archive them first.`);
      if (await archiveRecord(m, 'hubs', id)) {
        await this.audit.record(m, { actorId: actor.id, entity: 'hub', entityId: id, action: 'archive', changes: null });
      }
    });
  }

  private async checkCode(m: EntityManager, code: string, exceptId: string | null): Promise<void> {
    const clash = await m.query(`SELECT 1 FROM hubs WHERE code = $1 AND ($2::uuid IS NULL OR id <> $2)`, [code, exceptId]);
    if (clash.length) throw new ConflictError(`A hub with code ${code} already exists.`);
  }
}

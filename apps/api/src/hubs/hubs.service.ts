import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { LANGUAGES, type Hub, type HubNames } from '@impact/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { ConflictError, NotFoundError, StaleVersionError } from '../common/errors';
import { given, trimmed } from '../common/records';
import type { CreateHubDto, UpdateHubDto } from './dto/hub.dto';
import { HubsRepository } from './hubs.repository';

/** Trimmed translations, blank ones dropped (a blank name falls back to the name of record). */
function cleanNames(names: HubNames | undefined): HubNames | undefined {
  if (!names) return undefined;
  const out: HubNames = {};
  for (const lang of LANGUAGES) {
    const v = names[lang]?.trim();
    if (v) out[lang] = v;
  }
  return out;
}

/** Hubs: every signed-in user reads them (a short list, no paging); only admins change them. */
@Injectable()
export class HubsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hubs: HubsRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<Hub[]> {
    return this.hubs.list();
  }

  async get(id: string, m?: EntityManager): Promise<Hub> {
    const hub = await this.hubs.findLive(id, m);
    if (!hub) throw new NotFoundError('Hub', id);
    return hub;
  }

  async create(actor: AuthUser, dto: CreateHubDto): Promise<Hub> {
    return this.dataSource.transaction(async (m) => {
      await this.checkCode(m, dto.code, null);
      const id = await this.hubs.insert(m, { code: dto.code, name: dto.name.trim(), names: cleanNames(dto.names) ?? {} });
      const created = await this.get(id, m);
      await this.audit.created(m, actor.id, 'hub', id, created);
      return created;
    });
  }

  async update(actor: AuthUser, id: string, dto: UpdateHubDto): Promise<Hub> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.get(id, m);
      if (dto.code !== undefined) await this.checkCode(m, dto.code, id);
      if (before.version !== dto.version) throw new StaleVersionError(before);
      if (!(await this.hubs.update(m, id, dto.version, given({ code: dto.code, name: trimmed(dto.name), names: cleanNames(dto.names) })))) {
        throw new StaleVersionError(await this.get(id, m));
      }
      const after = await this.get(id, m);
      await this.audit.updated(m, actor.id, 'hub', id, before, after);
      return after;
    });
  }

  /** Archives a hub that no live city belongs to. */
  async archive(actor: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.get(id, m);
      const n = await this.hubs.countLiveCities(m, id);
      if (n > 0) throw new ConflictError(`The hub still has ${n} cities; move or archive them first.`);
      if (await this.hubs.archive(m, id)) {
        await this.audit.record(m, { actorId: actor.id, entity: 'hub', entityId: id, action: 'archive', changes: null });
      }
    });
  }

  private async checkCode(m: EntityManager, code: string, exceptId: string | null): Promise<void> {
    if (await this.hubs.codeTaken(m, code, exceptId)) throw new ConflictError(`A hub with code ${code} already exists.`);
  }
}

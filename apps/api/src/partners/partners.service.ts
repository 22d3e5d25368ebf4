import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Page, Partner } from '@impact/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { NotFoundError, StaleVersionError } from '../common/errors';
import { given, trimmed } from '../common/records';
import type { CreatePartnerDto, PartnerListQueryDto, UpdatePartnerDto } from './dto/partner.dto';
import { PartnersRepository } from './partners.repository';

/** Partners concern no single hub: everyone reads them, hub managers add and edit them, admins archive. */
@Injectable()
export class PartnersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly partners: PartnersRepository,
    private readonly audit: AuditService,
  ) {}

  list(query: PartnerListQueryDto): Promise<Page<Partner>> {
    return this.partners.list(query);
  }

  export(query: PartnerListQueryDto): Promise<Partner[]> {
    return this.partners.all(query);
  }

  async get(id: string, m?: EntityManager): Promise<Partner> {
    const partner = await this.partners.findLive(id, m);
    if (!partner) throw new NotFoundError('Partner', id);
    return partner;
  }

  async create(user: AuthUser, dto: CreatePartnerDto): Promise<Partner> {
    return this.dataSource.transaction((m) => this.createIn(m, user, dto));
  }

  /** A create inside the caller's transaction; `note` goes on the audit row. */
  async createIn(m: EntityManager, user: AuthUser, dto: CreatePartnerDto, note?: string): Promise<Partner> {
    const id = await this.partners.insert(m, { name: dto.name.trim(), kind: dto.kind, countryCode: dto.countryCode ?? null });
    const created = await this.get(id, m);
    await this.audit.created(m, user.id, 'partner', id, created, note);
    return created;
  }

  async update(user: AuthUser, id: string, dto: UpdatePartnerDto): Promise<Partner> {
    return this.dataSource.transaction((m) => this.updateIn(m, user, id, dto));
  }

  /** An edit inside the caller's transaction, with the version check of `update`; `note` goes on the audit row. */
  async updateIn(m: EntityManager, user: AuthUser, id: string, dto: UpdatePartnerDto, note?: string): Promise<Partner> {
    const before = await this.get(id, m);
    if (before.version !== dto.version) throw new StaleVersionError(before);
    const values = given({ name: trimmed(dto.name), kind: dto.kind, countryCode: dto.countryCode });
    if (!(await this.partners.update(m, id, dto.version, values))) throw new StaleVersionError(await this.get(id, m));
    const after = await this.get(id, m);
    await this.audit.updated(m, user.id, 'partner', id, before, after, note);
    return after;
  }

  async archive(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.get(id, m);
      if (await this.partners.archive(m, id)) {
        await this.audit.archived(m, user.id, 'partner', id);
      }
    });
  }
}

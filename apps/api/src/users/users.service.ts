import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  mayOnRecord,
  type InviteSent,
  type Language,
  type OpenWork,
  type Page,
  type Person,
  type Principal,
  type Role,
  type User,
} from '@impact/contracts';
import { PasswordLinksService } from '../accounts/password-links.service';
import { AuditService } from '../audit/audit.service';
import { diffObjects } from '../audit/diff';
import type { AuthUser } from '../auth/auth-user';
import { hashPassword } from '../auth/passwords';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository';
import { ConflictError, ForbiddenError, NotFoundError, StaleVersionError, ValidationFailedError } from '../common/errors';
import { given } from '../common/records';
import type { CreateUserDto, ListUsersDto, UpdateUserDto } from './dto/user.dto';
import { OpenWorkRepository, type OwnedWork } from './open-work.repository';
import { UsersRepository } from './users.repository';

function auditable(u: User): Record<string, unknown> {
  return { email: u.email, name: u.name, role: u.role, language: u.language, active: u.active, hubIds: u.hubIds, cityIds: u.cityIds };
}

/** Administration of users: admins only (the route says so; the matrix gives `users` to no other role). */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly tokens: RefreshTokensRepository,
    private readonly audit: AuditService,
    private readonly passwordLinks: PasswordLinksService,
    private readonly work: OpenWorkRepository,
  ) {}

  list(query: ListUsersDto): Promise<Page<User>> {
    return this.users.list(query);
  }

  /**
   * Up to 20 active people for owner pickers, among those the caller works with: a liaison sees the
   * people on its cities (their liaisons, the owners of their commitments and follow-ups) and the
   * managers of their hubs; a hub manager the people of its hubs (managers, liaisons of its cities,
   * owners of its work) and leadership; leadership and admins everyone. Names match for everyone,
   * e-mail addresses only for admins (a fragment of an address must not find its owner).
   */
  lookup(user: AuthUser, q?: string): Promise<Person[]> {
    return this.users.lookup(user, q);
  }

  async get(id: string, m?: EntityManager): Promise<User> {
    const user = await this.users.find(id, m);
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  async create(actor: AuthUser, dto: CreateUserDto): Promise<User> {
    this.checkScope(dto.role, dto.hubIds, dto.cityIds);
    // No password given: the user is invited and chooses one from the mailed link; until then the
    // empty hash lets no password in.
    const passwordHash = dto.password ? await hashPassword(dto.password) : '';
    return this.dataSource.transaction(async (m) => {
      await this.checkIdsExist(m, dto.hubIds, dto.cityIds);
      if (await this.users.emailTaken(m, dto.email)) throw new ConflictError('A user with this e-mail already exists.');
      const id = await this.users.insert(m, {
        email: dto.email.trim(),
        name: dto.name.trim(),
        role: dto.role,
        passwordHash,
        language: dto.language ?? 'en',
      });
      await this.users.replaceScope(m, id, dto.hubIds, dto.cityIds);
      const created = await this.get(id, m);
      await this.audit.created(m, actor.id, 'user', id, auditable(created));
      if (!dto.password) await this.passwordLinks.invite(m, actor, created);
      return created;
    });
  }

  async update(actor: AuthUser, id: string, dto: UpdateUserDto): Promise<User> {
    if (actor.id === id && (dto.active === false || (dto.role && dto.role !== 'admin'))) {
      throw new ForbiddenError('You cannot deactivate yourself or give up your own admin role.');
    }
    const passwordHash = dto.password ? await hashPassword(dto.password) : null;
    return this.dataSource.transaction(async (m) => {
      const removesAdmin = dto.active === false || (dto.role !== undefined && dto.role !== 'admin');
      const admins = removesAdmin ? await this.users.lockActiveAdmins(m) : null;
      const before = await this.get(id, m);
      if (admins) this.keepOneAdmin(admins, before);
      const role = dto.role ?? before.role;
      const hubIds = dto.hubIds ?? before.hubIds;
      const cityIds = dto.cityIds ?? before.cityIds;
      this.checkScope(role, hubIds, cityIds);
      await this.checkIdsExist(m, dto.hubIds ?? [], dto.cityIds ?? []);
      // Anything that changes what the user may do ends the tokens issued before it.
      const revokes =
        role !== before.role ||
        !sameSet(hubIds, before.hubIds) ||
        !sameSet(cityIds, before.cityIds) ||
        (dto.active !== undefined && dto.active !== before.active) ||
        passwordHash !== null;
      const values = given({
        name: dto.name?.trim(),
        role,
        language: dto.language,
        active: dto.active,
        passwordHash: passwordHash ?? undefined,
      });
      if (!(await this.users.update(m, id, dto.version, { ...values, revokes }))) throw new StaleVersionError(before);
      await this.users.replaceScope(m, id, dto.hubIds, dto.cityIds);
      if (revokes) await this.tokens.revokeAllOf(m, id);
      if (passwordHash) await this.passwordLinks.spendLinks(m, id);
      const after = await this.get(id, m);
      const changes = diffObjects(auditable(before), auditable(after)) ?? {};
      if (passwordHash) changes['password'] = { old: '[redacted]', new: '[redacted]' };
      await this.audit.record(m, { actorId: actor.id, entity: 'user', entityId: id, action: 'update', changes });
      return after;
    });
  }

  /** Mails the user a new set-password link (72 hours); earlier unused invitations stop working. */
  invite(actor: AuthUser, id: string, language?: Language): Promise<InviteSent> {
    return this.passwordLinks.reinvite(actor, id, language);
  }

  /** The user's open follow-ups and commitments, counted, and the active people who may own all of them. */
  async openWork(id: string): Promise<OpenWork> {
    const m = this.dataSource.manager;
    await this.get(id, m);
    const work = await this.work.owned(m, id, false);
    const people = await this.work.activePrincipals(m, id);
    return {
      followUps: work.followUps.length,
      commitments: work.commitments.length,
      candidates: people.filter((p) => mayOwnAll(p, work)).map(({ id: personId, name, role }) => ({ id: personId, name, role })),
    };
  }

  /**
   * Deactivation: the user can no longer sign in and every token it holds stops working. With
   * `reassignToId`, the user's open follow-ups and commitments pass to that person in the same
   * transaction, each change audited; a person who may not own one of them is refused (400) and
   * nothing is written.
   */
  async deactivate(actor: AuthUser, id: string, reassignToId: string | null = null): Promise<void> {
    if (actor.id === id) throw new ForbiddenError('You cannot deactivate yourself.');
    if (reassignToId === id) {
      throw new ValidationFailedError([{ field: 'reassignToId', message: 'Choose someone other than the user being deactivated.' }]);
    }
    await this.dataSource.transaction(async (m) => {
      const admins = await this.users.lockActiveAdmins(m);
      const before = await this.get(id, m);
      if (!before.active && !reassignToId) return;
      this.keepOneAdmin(admins, before);
      const moved = reassignToId ? await this.reassign(m, actor, id, reassignToId) : null;
      if (!before.active) return;
      await this.users.deactivate(m, id);
      await this.tokens.revokeAllOf(m, id);
      await this.audit.record(m, {
        actorId: actor.id,
        entity: 'user',
        entityId: id,
        action: 'deactivate',
        changes: {
          active: { old: true, new: false },
          ...(moved
            ? {
                reassignedTo: { old: null, new: reassignToId },
                followUps: { old: null, new: moved.followUps },
                commitments: { old: null, new: moved.commitments },
              }
            : {}),
        },
      });
    });
  }

  /** Moves the open work of `fromId` to `toId` (locked first); refuses the whole move when `toId` may not own a record. */
  private async reassign(
    m: EntityManager,
    actor: AuthUser,
    fromId: string,
    toId: string,
  ): Promise<{ followUps: number; commitments: number }> {
    const work = await this.work.owned(m, fromId, true);
    const target = (await this.work.activePrincipals(m, fromId)).find((p) => p.id === toId);
    if (!target) throw new ValidationFailedError([{ field: 'reassignToId', message: 'reassignToId must name an active user.' }]);
    if (!mayOwnAll(target, work)) {
      throw new ValidationFailedError([
        {
          field: 'reassignToId',
          message: `${target.name} may not own every open follow-up and commitment of this user (outside their scope).`,
        },
      ]);
    }
    const changes = { ownerId: { old: fromId, new: toId } };
    const kinds = [
      { table: 'follow_ups', entity: 'followUp', rows: work.followUps },
      { table: 'commitments', entity: 'commitment', rows: work.commitments },
    ] as const;
    for (const { table, rows } of kinds) {
      await this.work.reassign(
        m,
        table,
        rows.map((r) => r.id),
        toId,
      );
    }
    for (const { entity, rows } of kinds) {
      for (const r of rows) {
        await this.audit.record(m, {
          actorId: actor.id,
          entity,
          entityId: r.id,
          action: 'update',
          changes,
          note: 'reassigned on deactivation',
        });
      }
    }
    return { followUps: work.followUps.length, commitments: work.commitments.length };
  }

  /** Refuses (409) a change that takes the last active admin away. */
  private keepOneAdmin(activeAdmins: readonly string[], target: User): void {
    if (activeAdmins.includes(target.id) && activeAdmins.length <= 1) {
      throw new ConflictError('This is the last active admin: make another user an admin first.');
    }
  }

  private checkScope(role: Role, hubIds: readonly string[], cityIds: readonly string[]): void {
    const details: { field: string; message: string }[] = [];
    if (role === 'hub_manager' && hubIds.length === 0) details.push({ field: 'hubIds', message: 'A hub manager needs at least one hub.' });
    if (role === 'city_liaison' && cityIds.length === 0)
      details.push({ field: 'cityIds', message: 'A city liaison needs at least one city.' });
    if (details.length) throw new ValidationFailedError(details);
  }

  private async checkIdsExist(m: EntityManager, hubIds: readonly string[], cityIds: readonly string[]): Promise<void> {
    const details: { field: string; message: string }[] = [];
    if (hubIds.length && (await this.users.countHubs(m, hubIds)) !== new Set(hubIds).size) {
      details.push({ field: 'hubIds', message: 'One or more hubs do not exist.' });
    }
    if (cityIds.length && (await this.users.countLiveCities(m, cityIds)) !== new Set(cityIds).size) {
      details.push({ field: 'cityIds', message: 'One or more cities do not exist.' });
    }
    if (details.length) throw new ValidationFailedError(details);
  }
}

/** Whether `p` may own (update) every open record of `work`, as the permission table scopes it. */
function mayOwnAll(p: Principal, work: OwnedWork): boolean {
  return (
    work.followUps.every((r) => mayOnRecord(p, 'followUps', 'update', r.place)) &&
    work.commitments.every((r) => mayOnRecord(p, 'commitments', 'update', r.place))
  );
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ACCESS_TOKEN_TTL_SECONDS, type Language, type LoginResponse, type TokenPair } from '@impact/contracts';
import { AuditService } from '../audit/audit.service';
import { UnauthorizedError } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config';
import type { AccessClaims, AuthUser, SessionUser } from './auth-user';
import { AuthUsersRepository, toAuthUser, type AuthUserRecord } from './auth-users.repository';
import { JWT_ALGORITHM } from './jwt.strategy';
import { LoginLimiter } from './login-limiter';
import { hashPassword, needsRehash, verifyPassword } from './passwords';
import { RefreshTokensRepository } from './refresh-tokens.repository';

const INVALID_LOGIN = 'E-mail or password is incorrect.';
const INVALID_REFRESH = 'Your session has ended. Sign in again.';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

@Injectable()
export class AuthService implements OnModuleInit {
  /** Verified against when the e-mail is unknown (same argon2id parameters), so both failures take about the same time. */
  private dummyHash = '';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly users: AuthUsersRepository,
    private readonly tokens: RefreshTokensRepository,
    private readonly limiter: LoginLimiter,
    private readonly audit: AuditService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.dummyHash = await hashPassword(randomBytes(24).toString('base64url'));
  }

  /**
   * The limit is spent before the password is checked (atomically, see LoginLimiter), so parallel
   * guesses cannot race past it. An unknown e-mail is checked against a dummy hash of the same
   * parameters, so both failures take about the same time. A hash made with other parameters is
   * replaced in the sign-in transaction.
   */
  async login(email: string, password: string, ip: string): Promise<LoginResponse | { retryAfter: number }> {
    const attempt = await this.limiter.attempt(email, ip);
    if ('retryAfter' in attempt) return attempt;

    const user = await this.users.byEmail(email.trim());
    const ok = await verifyPassword(user?.passwordHash || this.dummyHash, password);
    // An invited user has no password yet (an empty hash, checked against the dummy): nothing signs it in.
    if (!user || !user.passwordHash || !ok || !user.active) throw new UnauthorizedError(INVALID_LOGIN);
    await this.limiter.succeeded(attempt);
    const rehashed = needsRehash(user.passwordHash) ? await hashPassword(password) : null;
    return this.dataSource.transaction(async (manager) => {
      if (rehashed) {
        await this.users.rehash(manager, user.id, user.passwordHash, rehashed);
      }
      const pair = await this.issue(manager, user, randomUUID());
      await this.audit.record(manager, {
        actorId: user.id,
        entity: 'user',
        entityId: user.id,
        action: 'sign_in',
        note: rehashed ? 'Password hash renewed with the current parameters.' : null,
      });
      return { ...pair, user: toAuthUser(user) };
    });
  }

  /**
   * Rotation (RFC 9700): a refresh token is spent on use; presenting a spent or revoked one revokes
   * its whole family, since either the client or a thief holds a copy.
   */
  async refresh(token: string): Promise<TokenPair> {
    const [id, secret] = token.split('.');
    if (!id || !secret || !UUID.test(id)) throw new UnauthorizedError(INVALID_REFRESH);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const row = await this.tokens.findForUpdate(manager, id);
      if (!row || !safeEqual(row.tokenHash, sha256(secret))) return null;
      if (row.usedAt || row.revokedAt) {
        await this.tokens.revokeFamily(manager, row.familyId);
        await this.audit.record(manager, {
          actorId: row.userId,
          entity: 'user',
          entityId: row.userId,
          action: 'refresh_token_reuse',
          note: 'A spent refresh token was presented again; its family was revoked.',
        });
        return 'reused' as const;
      }
      if (row.expiresAt.getTime() <= Date.now()) return null;
      const user = await this.users.byId(row.userId, manager);
      if (!user || !user.active) return null;
      await this.tokens.markUsed(manager, row.id);
      return this.issue(manager, user, row.familyId);
    });
    if (!outcome || outcome === 'reused') throw new UnauthorizedError(INVALID_REFRESH);
    return outcome;
  }

  /**
   * Ends the caller's current session (the access token it sent stops working at once) and, when a
   * refresh token is given, that token's session too (only if it is the caller's).
   */
  async logout(user: SessionUser, refreshToken?: string): Promise<void> {
    const id = refreshToken?.split('.')[0];
    const tokenId = id && UUID.test(id) ? id : null;
    await this.dataSource.transaction(async (manager) => {
      await this.tokens.revokeSessions(manager, user.id, user.sessionId, tokenId);
      await this.audit.record(manager, { actorId: user.id, entity: 'user', entityId: user.id, action: 'sign_out' });
    });
  }

  /** Changes the caller's preferred language; audited like every write. */
  async updatePreferences(user: AuthUser, language: Language): Promise<AuthUser> {
    if (language === user.language) return user;
    await this.dataSource.transaction(async (manager) => {
      await this.users.setLanguage(manager, user.id, language);
      await this.audit.record(manager, {
        actorId: user.id,
        entity: 'user',
        entityId: user.id,
        action: 'update',
        changes: { language: { old: user.language, new: language } },
      });
    });
    return { ...user, language };
  }

  private async issue(manager: EntityManager, user: AuthUserRecord, familyId: string): Promise<TokenPair> {
    const claims: AccessClaims = { sub: user.id, typ: 'access', tv: user.tokenVersion, sid: familyId, role: user.role };
    const accessToken = await this.jwt.signAsync(claims, {
      algorithm: JWT_ALGORITHM,
      secret: this.config.jwt.secret,
      issuer: this.config.jwt.issuer,
      audience: this.config.jwt.audience,
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      jwtid: randomUUID(),
    });
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await this.tokens.insert(manager, { id, userId: user.id, familyId, tokenHash: sha256(secret) });
    return { accessToken, refreshToken: `${id}.${secret}`, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

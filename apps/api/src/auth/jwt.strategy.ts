import { createSecretKey } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '../config';
import type { AccessClaims, SessionUser } from './auth-user';
import { AuthUsersRepository, toAuthUser } from './auth-users.repository';

export const JWT_ALGORITHM = 'HS256' as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Verifies access tokens: the algorithm is pinned (never read from the token, so `none` and
 * key-confusion tricks fail), issuer, audience and expiry are checked, and only `typ: access` passes.
 * jsonwebtoken accepts a token without `exp` as never expiring, so its presence is checked here.
 * The user is then loaded fresh together with its session, so deactivation, a change of role or scope
 * (which bumps the token version) and logout (which revokes the session) take effect on the next request.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: AuthUsersRepository,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A key object made once: given the secret as a string, jsonwebtoken first tries (and fails) to
      // read it as a public key, then builds a secret key, on every request (≈ 0.7 ms of CPU each).
      // passport-jwt hands the key to jsonwebtoken untouched; its types only name string and Buffer.
      secretOrKey: createSecretKey(Buffer.from(config.jwt.secret, 'utf8')) as unknown as Buffer,
      algorithms: [JWT_ALGORITHM],
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessClaims): Promise<SessionUser> {
    if (
      claims.typ !== 'access' ||
      typeof claims.exp !== 'number' ||
      typeof claims.sub !== 'string' ||
      !UUID.test(claims.sub) ||
      typeof claims.sid !== 'string' ||
      !UUID.test(claims.sid)
    ) {
      throw new UnauthorizedException();
    }
    const user = await this.users.bySession(claims.sub, claims.sid).catch(() => null);
    if (!user || !user.active || user.tokenVersion !== claims.tv) throw new UnauthorizedException();
    return { ...toAuthUser(user), sessionId: claims.sid };
  }
}

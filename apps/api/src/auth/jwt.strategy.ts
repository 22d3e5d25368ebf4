import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '../config';
import type { AccessClaims, AuthUser } from './auth-user';
import { AuthUsersRepository, toAuthUser } from './auth-users.repository';

export const JWT_ALGORITHM = 'HS256' as const;

/**
 * Verifies access tokens: the algorithm is pinned (never read from the token, so `none` and
 * key-confusion tricks fail), issuer, audience and expiry are checked, and only `typ: access` passes.
 * The user is then loaded fresh, so deactivation or a change of role or scope (which bumps the
 * token version) takes effect on the next request.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: AuthUsersRepository,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwt.secret,
      algorithms: [JWT_ALGORITHM],
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessClaims): Promise<AuthUser> {
    if (claims.typ !== 'access' || typeof claims.sub !== 'string') throw new UnauthorizedException();
    const user = await this.users.byId(claims.sub).catch(() => null);
    if (!user || !user.active || user.tokenVersion !== claims.tv) throw new UnauthorizedException();
    return toAuthUser(user);
  }
}

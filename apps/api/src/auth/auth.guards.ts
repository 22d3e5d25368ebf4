import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { may } from '@impact/contracts';
import type { AuthUser } from './auth-user';
import { IS_PUBLIC, PERMISSION, type PermissionRequirement } from './auth.decorators';

function isPublic(reflector: Reflector, ctx: ExecutionContext): boolean {
  return reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()]) === true;
}

/** Global: every route needs a valid access token unless it is marked `@Public()`. */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(ctx: ExecutionContext) {
    if (isPublic(this.reflector, ctx)) return true;
    return super.canActivate(ctx);
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err || !user) throw new UnauthorizedException('Sign in to continue.');
    return user;
  }
}

/**
 * Global, after the JWT guard: the route's `@Can(resource, action)` must be granted to the caller's
 * role by the permission matrix. A route with neither `@Public()`, `@Can()` nor `@SignedIn()` is
 * refused (fail closed); a test also checks that every route declares one.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    if (isPublic(this.reflector, ctx)) return true;
    const need = this.reflector.getAllAndOverride<PermissionRequirement | 'signed-in' | undefined>(PERMISSION, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    const user = ctx.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user) throw new UnauthorizedException('Sign in to continue.');
    if (need === 'signed-in') return true;
    if (!need || !may(user.role, need.resource, need.action)) {
      throw new ForbiddenException('Your role may not do this.');
    }
    return true;
  }
}

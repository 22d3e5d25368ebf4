import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Action, Resource } from '@impact/contracts';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'impact:isPublic';
export const PERMISSION = 'impact:permission';

export interface PermissionRequirement {
  resource: Resource;
  action: Action;
}

/** Opts a route out of the global JWT guard. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * Signed-in only, and the caller's role must hold `action` on `resource` in the permission matrix
 * (libs/contracts) for some scope. The service then checks the record itself.
 */
export const Can = (resource: Resource, action: Action) =>
  applyDecorators(
    SetMetadata(PERMISSION, { resource, action } satisfies PermissionRequirement),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Not signed in, or the token is invalid or expired' }),
    ApiForbiddenResponse({ description: 'The role may not do this' }),
  );

/** Signed in, whatever the role (e.g. `/auth/me`). */
export const SignedIn = () =>
  applyDecorators(
    SetMetadata(PERMISSION, 'signed-in'),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Not signed in, or the token is invalid or expired' }),
  );

/** The signed-in user of this request. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});

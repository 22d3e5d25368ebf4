import type { Principal, Role, UserSummary } from '@impact/contracts';

/** The signed-in user as the API sees it on every request: loaded fresh, never trusted from the token. */
export type AuthUser = Principal & UserSummary;

/** The user of an authenticated request, with the session (refresh-token family) its token belongs to. */
export interface SessionUser extends AuthUser {
  sessionId: string;
}

/**
 * Claims of an access token. `tv` is the user's token version when it was issued; `sid` the session
 * (refresh-token family), so ending the session ends the access token too.
 */
export interface AccessClaims {
  sub: string;
  typ: 'access';
  tv: number;
  sid: string;
  role: Role;
  /** Set by the signer; checked to be present (a token without expiry is refused). */
  exp?: number;
}

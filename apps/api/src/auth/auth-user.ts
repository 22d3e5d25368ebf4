import type { Language, Principal, Role } from '@impact/contracts';

/** The signed-in user as the API sees it on every request: loaded fresh, never trusted from the token. */
export interface AuthUser extends Principal {
  id: string;
  email: string;
  name: string;
  role: Role;
  hubIds: string[];
  cityIds: string[];
  language: Language;
}

/** Claims of an access token. `tv` is the user's token version when it was issued. */
export interface AccessClaims {
  sub: string;
  typ: 'access';
  tv: number;
  role: Role;
}

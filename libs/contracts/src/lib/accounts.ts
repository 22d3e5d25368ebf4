import type { Language } from './enums';
import type { IsoInstant } from './models';

/** What a set-password link was mailed for: an admin's invitation, or a reset the user asked for. */
export const PASSWORD_LINK_PURPOSES = ['invite', 'reset'] as const;
export type PasswordLinkPurpose = (typeof PASSWORD_LINK_PURPOSES)[number];

/** Hours a link stays valid: an invitation waits for its reader, a reset is asked for on the spot. */
export const PASSWORD_LINK_HOURS: Record<PasswordLinkPurpose, number> = { invite: 72, reset: 1 };

/** `POST /api/users/:id/invite`: mails the user a set-password link (earlier unused invitations stop working). */
export interface InviteUserRequest {
  /** The mail's language; the user's own when left out. */
  language?: Language;
}

export interface InviteSent {
  expiresAt: IsoInstant;
}

/** `POST /api/auth/password-reset`: the same 204 whether an account has this e-mail or not. */
export interface PasswordResetRequest {
  email: string;
}

/** `GET /api/auth/password-links/:token`: what the set-password page shows before the password is chosen. */
export interface PasswordLink {
  purpose: PasswordLinkPurpose;
  name: string;
  email: string;
  language: Language;
  expiresAt: IsoInstant;
}

/** `POST /api/auth/password`: spends the link, sets the password and ends every session of the user. */
export interface SetPasswordRequest {
  token: string;
  password: string;
}

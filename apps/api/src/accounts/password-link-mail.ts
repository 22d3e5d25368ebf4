import type { Language, PasswordLinkPurpose } from '@impact/contracts';
import { renderLinkMail, type RenderedMail } from '../mail/mail-render';
import { PASSWORD_MAIL } from './password-link-messages';

/**
 * The set-password mail (invitation or reset) in the user's language, plain text and HTML. It carries
 * a link, never a password. No settings footer: it is not a notification.
 */
export function renderPasswordLinkMail(
  purpose: PasswordLinkPurpose,
  language: Language,
  m: { name: string; email: string; inviter: string; url: string; expiresAt: Date },
): RenderedMail {
  const w = PASSWORD_MAIL[purpose][language];
  const values = { email: m.email, inviter: m.inviter, expires: m.expiresAt.toISOString().slice(0, 16).replace('T', ' ') };
  return renderLinkMail(language, w, values, m);
}

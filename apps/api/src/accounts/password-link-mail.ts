import type { Language, PasswordLinkPurpose } from '@impact/contracts';
import { fill } from '../mail/mail-messages';
import { escapeHtml, mailDocument, mailGreeting, type RenderedMail } from '../mail/mail-render';
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
  const subject = w.subject;
  const greeting = mailGreeting(language, m.name);
  const intro = fill(w.intro, values);
  const expires = fill(w.expires, values);
  const text = [greeting, '', intro, '', `${w.action}: ${m.url}`, '', expires, w.ignore, ''].join('\n');
  const html = mailDocument(
    language,
    subject,
    `<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
<p><a href="${escapeHtml(m.url)}" style="display:inline-block;padding:12px 20px;background:#1565c0;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(w.action)}</a></p>
<p style="font-size:small">${escapeHtml(expires)} ${escapeHtml(w.ignore)}</p>`,
  );
  return { subject, text, html };
}

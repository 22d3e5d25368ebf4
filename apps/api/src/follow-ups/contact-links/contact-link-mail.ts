import type { Language } from '@impact/contracts';
import { fill } from '../../mail/mail-messages';
import { escapeHtml, mailDocument, mailGreeting, type RenderedMail } from '../../mail/mail-render';
import { CONTACT_LINK_MAIL, NO_DATE } from './contact-link-messages';

/**
 * The contact's mail: plain text and HTML in the contact's language (`lang`/`dir` on the root so
 * Arabic reads right to left). Unlike staff mail it has no settings footer: the contact has no account.
 */
export function renderContactLinkMail(
  language: Language,
  m: { name: string; title: string; city: string | null; due: string | null; url: string; expires: string },
): RenderedMail {
  const w = CONTACT_LINK_MAIL[language];
  const values = { title: m.title, city: m.city ?? '—', due: m.due ?? NO_DATE[language], expires: m.expires };
  const subject = fill(w.subject, values).slice(0, 300);
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

import type { Language } from '@impact/contracts';
import { renderLinkMail, type RenderedMail } from '../../mail/mail-render';
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
  return renderLinkMail(language, w, values, m);
}

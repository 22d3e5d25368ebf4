import { RTL_LANGUAGES, type Language } from '@impact/contracts';
import { fill, MAIL_WORDS } from './mail-messages';

/** One item of a mail: a notification's title, body and link (absolute). */
export interface MailItem {
  title: string;
  body: string;
  url: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** The greeting of every mail, in the recipient's language. */
export const mailGreeting = (language: Language, name: string): string => fill(MAIL_WORDS[language].greeting, { name });

/**
 * The HTML document around a mail's body: `lang` and `dir` on the root, so Arabic reads right to left
 * in every client, and only logical alignment (`start`), never left/right.
 */
export function mailDocument(language: Language, subject: string, body: string): string {
  const dir = RTL_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
  return `<!DOCTYPE html>
<html lang="${language}" dir="${dir}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body dir="${dir}" style="font-family:sans-serif;text-align:start">
${body}
</body>
</html>
`;
}

/** The words of a mail that carries one link to act on; `{…}` fill in. */
export interface LinkMailWords {
  subject: string;
  intro: string;
  action: string;
  expires: string;
  ignore: string;
}

/**
 * A mail that carries one link to act on (a contact's confirmation link, a set-password link), as plain
 * text and as HTML, in the recipient's language. No settings footer: it is not a notification.
 */
export function renderLinkMail(
  language: Language,
  words: LinkMailWords,
  values: Record<string, string>,
  to: { name: string; url: string },
): RenderedMail {
  const subject = fill(words.subject, values).slice(0, 300);
  const greeting = mailGreeting(language, to.name);
  const intro = fill(words.intro, values);
  const expires = fill(words.expires, values);
  const text = [greeting, '', intro, '', `${words.action}: ${to.url}`, '', expires, words.ignore, ''].join('\n');
  const html = mailDocument(
    language,
    subject,
    `<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
<p><a href="${escapeHtml(to.url)}" style="display:inline-block;padding:12px 20px;background:#1565c0;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(words.action)}</a></p>
<p style="font-size:small">${escapeHtml(expires)} ${escapeHtml(words.ignore)}</p>`,
  );
  return { subject, text, html };
}

/** A notification mail in the recipient's language, as plain text and as HTML. */
export function renderMail(
  language: Language,
  mail: { subject: string; name: string; intro?: string; items: MailItem[]; settingsUrl: string },
): RenderedMail {
  const w = MAIL_WORDS[language];
  const greeting = mailGreeting(language, mail.name);
  const text = [
    greeting,
    '',
    ...(mail.intro ? [mail.intro, ''] : []),
    ...mail.items.flatMap((i) => [i.title, i.body, `${w.open}: ${i.url}`, '']),
    '--',
    w.footer,
    `${w.settings}: ${mail.settingsUrl}`,
    '',
  ].join('\n');
  const items = mail.items
    .map(
      (i) =>
        `<div style="margin-block-end:16px"><p style="margin:0;font-weight:bold">${escapeHtml(i.title)}</p>` +
        `<p style="margin:4px 0">${escapeHtml(i.body)}</p><p style="margin:0"><a href="${escapeHtml(i.url)}">${escapeHtml(w.open)}</a></p></div>`,
    )
    .join('\n');
  const html = mailDocument(
    language,
    mail.subject,
    `<p>${escapeHtml(greeting)}</p>
${mail.intro ? `<p>${escapeHtml(mail.intro)}</p>\n` : ''}${items}
<hr>
<p style="font-size:small">${escapeHtml(w.footer)} <a href="${escapeHtml(mail.settingsUrl)}">${escapeHtml(w.settings)}</a></p>`,
  );
  return { subject: mail.subject, text, html };
}

import { LANGUAGES } from '@impact/contracts';
import { NOTIFICATION_MESSAGES } from '../notifications/notification-messages';
import { MAIL_WORDS } from './mail-messages';
import { renderMail } from './mail-render';

const mail = {
  subject: 'Due <soon>',
  name: 'Amira & co',
  items: [{ title: 'Send "the plan"', body: 'Due <b>tomorrow</b>', url: 'https://impact.example.org/commitments/1?a=1&b=2' }],
  settingsUrl: 'https://impact.example.org/s',
};

describe('renderMail', () => {
  it('writes Arabic right to left and the other languages left to right', () => {
    expect(renderMail('ar', mail).html).toContain('<html lang="ar" dir="rtl">');
    for (const language of ['en', 'fr', 'es'] as const)
      expect(renderMail(language, mail).html).toContain(`<html lang="${language}" dir="ltr">`);
  });

  it('escapes what it puts into HTML, and keeps the plain text as written', () => {
    const { html, text } = renderMail('en', mail);
    expect(html).toContain('Send &quot;the plan&quot;');
    expect(html).toContain('Due &lt;b&gt;tomorrow&lt;/b&gt;');
    expect(html).toContain('href="https://impact.example.org/commitments/1?a=1&amp;b=2"');
    expect(html).not.toContain('<b>');
    expect(text).toContain('Hello Amira & co,');
    expect(text).toContain('Open in Impact Tracker: https://impact.example.org/commitments/1?a=1&b=2');
  });

  it('has every word in every language, and every notification in every language with the same arguments', () => {
    for (const language of LANGUAGES) {
      for (const value of Object.values(MAIL_WORDS[language])) expect(value.trim()).not.toBe('');
    }
    const args = (s: string) => [...new Set(s.match(/%\d\$s/g) ?? [])].sort();
    for (const templates of Object.values(NOTIFICATION_MESSAGES)) {
      for (const language of LANGUAGES) {
        expect(args(templates[language].title)).toEqual(args(templates.en.title));
        expect(args(templates[language].body)).toEqual(args(templates.en.body));
        if (language !== 'en') expect(templates[language].title).not.toBe(templates.en.title);
      }
    }
  });
});

import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Node = Record<string, unknown>;

/** The text inside the braces that open at `start` (which is just after a `{`). */
function braced(text: string, start: number): string {
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    if (text[i] === '}' && --depth === 0) return text.slice(start, i);
  }
  throw new Error(`unbalanced braces in "${text}"`);
}

/** One ICU plural message (`{count, plural, one {…} other {…}}`) for `count` in `lang`, `#` written as the count. */
function plural(message: string, lang: string, count: number): string {
  const body = message.slice(message.indexOf('plural,') + 'plural,'.length);
  const pick = (key: string) => {
    const at = body.search(new RegExp(`(^|\\s)${key}\\s*\\{`));
    return at < 0 ? null : braced(body, body.indexOf('{', at) + 1);
  };
  const chosen = pick(`=${count}`) ?? pick(new Intl.PluralRules(lang).select(count)) ?? pick('other');
  if (chosen === null) throw new Error(`no branch for ${count} in "${message}"`);
  return chosen.replace(/#/g, String(count));
}

/**
 * A text of the app by its key (`roles.city_liaison`), as the translation file of `lang` has it, with its
 * `{{name}}`, `{name}` and plural `{count, plural, …}` parts filled in.
 */
export function texts(lang: string): (key: string, vars?: Record<string, string | number>) => string {
  const all = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'web', 'public', 'i18n', `${lang}.json`), 'utf8')) as Node;
  return (key, vars = {}) => {
    const found = key.split('.').reduce<unknown>((node, part) => (node as Node)[part], all);
    if (typeof found !== 'string') throw new Error(`no text ${key} in ${lang}`);
    let text = found;
    const count = vars['count'];
    if (text.includes(', plural,') && typeof count === 'number') text = plural(text.slice(1, -1), lang, count);
    return Object.entries(vars).reduce(
      (out, [name, value]) => out.split(`{{${name}}}`).join(String(value)).split(`{${name}}`).join(String(value)),
      text,
    );
  };
}

/** Switches the signed-in page to a language (a choice of this device) and waits for it. */
export async function inLanguage(page: Page, lang: string): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('impact.language', l), lang);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** Text without the invisible marks that isolate a name or a date (FSI … PDI, LRM, RLM). */
export const plain = (text: string | null) => (text ?? '').replace(/[\u2068\u2069\u200e\u200f]/g, '');

export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1280, height: 800 };

/** The two ways every daily task is tried: English on a laptop, Arabic on a phone. */
export const SETUPS = [
  { lang: 'en', viewport: LAPTOP, t: texts('en'), shot: 'en', phone: false },
  { lang: 'ar', viewport: PHONE, t: texts('ar'), shot: 'ar-phone', phone: true },
] as const;

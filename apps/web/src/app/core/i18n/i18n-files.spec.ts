import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES } from '@impact/contracts';
import * as messageformat from '@messageformat/core';
import { translations } from '../../testing/transloco-testing';
import { parse } from '@messageformat/parser';
import { formatIcu, isIcuMessage } from './icu-transpiler';

// The package is CommonJS: under Jest (no esModuleInterop) the namespace is the class itself.
const MessageFormat =
  (messageformat as unknown as { default?: typeof messageformat.default }).default ??
  (messageformat as unknown as typeof messageformat.default);

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[path] = value;
    else Object.assign(out, flatten(value, path));
  }
  return out;
}

/** The arguments an ICU message takes, as messageformat reads it (it names one missing argument at a time). */
function icuArguments(message: string, lang: string): string[] {
  const format = new MessageFormat(lang, { requireAllArguments: true }).compile(message);
  const args: Record<string, number> = {};
  for (;;) {
    try {
      format(args);
      return Object.keys(args).sort();
    } catch (error) {
      const missing = /requires argument '(\w+)'/.exec(String(error));
      if (!missing) throw error;
      args[missing[1]] = 1;
    }
  }
}

/** A message's arguments: `{{name}}` in a plain message, `{name}` / `{n, plural, …}` in an ICU one. */
function placeholders(text: string, lang: string): string[] {
  if (isIcuMessage(text)) return icuArguments(text, lang).map((a) => `icu:${a}`);
  return [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
}

/**
 * The plural forms each language must write: every form its plural rules have (Arabic: zero, one, two,
 * few, many, other; French and Spanish: one and other, since `many` only marks exact millions and
 * falls back to `other`; English: one and other).
 */
function requiredForms(lang: string): string[] {
  const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];
  return lang === 'fr' || lang === 'es' ? forms.filter((f) => f !== 'many') : forms;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|html)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('translation files', () => {
  const files = translations();
  const flat = Object.fromEntries(LANGUAGES.map((lang) => [lang, flatten(files[lang] as Tree)]));
  const englishKeys = Object.keys(flat['en']).sort();

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has exactly the keys of en', (lang) => {
    expect(Object.keys(flat[lang]).sort()).toEqual(englishKeys);
  });

  it.each([...LANGUAGES])('%s has no empty values', (lang) => {
    const empty = Object.entries(flat[lang]).filter(([, value]) => value.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s uses the same placeholders as en ({{name}} or ICU arguments alike)', (lang) => {
    const mismatched = englishKeys.filter(
      (key) => placeholders(flat[lang][key], lang).join() !== placeholders(flat['en'][key], 'en').join(),
    );
    expect(mismatched).toEqual([]);
  });

  it.each([...LANGUAGES])('%s: every ICU message compiles for its language and writes every plural form', (lang) => {
    const icu = Object.entries(flat[lang]).filter(([, text]) => isIcuMessage(text));
    expect(icu.length).toBeGreaterThan(5);
    // Strict: a plural form the language does not have (e.g. `two` in French) is an error.
    const mf = new MessageFormat(lang, { strict: true });
    const problems: string[] = [];
    for (const [key, text] of icu) {
      try {
        mf.compile(text);
      } catch (error) {
        problems.push(`${key}: ${String(error)}`);
        continue;
      }
      // Values are put in by messageformat, never spliced into the message text first.
      if (text.includes('{{')) problems.push(`${key}: {{ }} inside an ICU message`);
      const plurals = (text.match(/,\s*plural\s*,/g) ?? []).length;
      for (const form of requiredForms(lang)) {
        const written = (text.match(new RegExp(`\\b${form}\\s*\\{`, 'g')) ?? []).length;
        if (written < plurals) problems.push(`${key}: ${plurals} plural(s) but ${written} '${form}' form(s)`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each([...LANGUAGES])('%s: the app says every ICU message as messageformat compiles it, for every kind of number', (lang) => {
    const mf = new MessageFormat(lang);
    const numbers = [0, 1, 2, 3, 4, 5, 10, 11, 12, 21, 99, 100, 101, 102, 1000, 1000000, 0.5, 1.5, 120.5];
    const differences: string[] = [];
    for (const [key, text] of Object.entries(flat[lang]).filter(([, t]) => isIcuMessage(t))) {
      const reference = mf.compile(text);
      const names = icuArguments(text, lang);
      for (const n of numbers) {
        const args = Object.fromEntries(names.map((name) => [name, n]));
        const ours = formatIcu(parse(text), args, lang);
        if (ours !== reference(args)) differences.push(`${key} (${n}): "${ours}" ≠ "${reference(args)}"`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('writes every message with a count as an ICU plural', () => {
    // A count spliced into a sentence ("in {{minutes}} minutes") cannot agree with its number.
    const counts = Object.entries(flat['en']).filter(([, text]) =>
      /{{\s*(n|count|minutes|total|cities|stories|links|engagements|commitments|outcomes)\s*}}\s+[a-z]/i.test(text),
    );
    expect(counts.map(([key]) => key)).toEqual([]);
  });

  it('has every key the templates and code ask for', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(__dirname, '../..'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/'([a-zA-Z]+(?:\.[a-zA-Z]+)+)'\s*\|\s*transloco/g)) used.add(m[1]);
      for (const m of text.matchAll(/\b(?:translate|t)\('([a-zA-Z]+(?:\.[a-zA-Z]+)+)'/g)) used.add(m[1]);
      // Keys in objects: route titles, labels, and the words of a list page's view.
      for (const m of text.matchAll(
        /(?:title|label|heading|search|caption|emptyTitle|emptyBody|failedHeading|failedBody|noMatchHeading|noMatchBody|clearLabel|any|back|notFound|notFoundBody): '([a-zA-Z]+(?:\.[a-zA-Z]+)+)'/g,
      ))
        used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !(key in flat['en']))).toEqual([]);
  });

  it('names every role and language', () => {
    for (const role of ['admin', 'leadership', 'hub_manager', 'city_liaison']) expect(flat['en'][`roles.${role}`]).toBeTruthy();
    for (const lang of LANGUAGES) expect(flat['en'][`language.names.${lang}`]).toBeTruthy();
  });
});

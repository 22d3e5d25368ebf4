import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES } from '@impact/contracts';
import { translations } from '../../testing/transloco-testing';

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

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
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

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s uses the same {{placeholders}} as en', (lang) => {
    const mismatched = englishKeys.filter((key) => placeholders(flat[lang][key]).join() !== placeholders(flat['en'][key]).join());
    expect(mismatched).toEqual([]);
  });

  it('has every key the templates and code ask for', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(__dirname, '../..'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/'([a-zA-Z]+(?:\.[a-zA-Z]+)+)'\s*\|\s*transloco/g)) used.add(m[1]);
      for (const m of text.matchAll(/\b(?:translate|t)\('([a-zA-Z]+(?:\.[a-zA-Z]+)+)'/g)) used.add(m[1]);
      for (const m of text.matchAll(/(?:title|label): '([a-zA-Z]+(?:\.[a-zA-Z]+)+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !(key in flat['en']))).toEqual([]);
  });

  it('names every role and language', () => {
    for (const role of ['admin', 'leadership', 'hub_manager', 'city_liaison']) expect(flat['en'][`roles.${role}`]).toBeTruthy();
    for (const lang of LANGUAGES) expect(flat['en'][`language.names.${lang}`]).toBeTruthy();
  });
});

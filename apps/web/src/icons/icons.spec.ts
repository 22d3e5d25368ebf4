import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The app ships a subset of the icon font; an icon outside it would show its name as text. Every icon
 * a template or a component names must be in the subset (regenerate it with scripts/subset-icons.mjs).
 */
const SUBSET: string[] = JSON.parse(readFileSync(join(__dirname, 'icon-names.json'), 'utf8'));

function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|html)$/.test(e.name) && !e.name.endsWith('.spec.ts') ? [{ path, text: readFileSync(path, 'utf8') }] : [];
  });
}

/** Quoted words of an expression, except the ones it compares against (`p === 'offline' ? …`). */
const quoted = (s: string) => [...s.matchAll(/(?<![=!]==?\s*)'([a-z][a-z0-9_]*)'/g)].map((m) => m[1]);

/** Icon names as the app writes them: in <mat-icon>, icon inputs and properties, and *ICONS tables. */
function namedIcons(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/<mat-icon\b[^>]*>([\s\S]*?)<\/mat-icon\s*>/g)) {
    const content = m[1].trim();
    if (/^[a-z][a-z0-9_]*$/.test(content)) names.push(content);
    else for (const expr of content.matchAll(/\{\{([\s\S]*?)\}\}/g)) names.push(...quoted(expr[1]));
  }
  for (const m of text.matchAll(/\bicon="([a-z][a-z0-9_]*)"/g)) names.push(m[1]);
  for (const m of text.matchAll(/\b[iI]con\??:\s*'([a-z][a-z0-9_]*)'/g)) names.push(m[1]);
  for (const m of text.matchAll(/\[icon\]="([^"]*)"/g)) names.push(...quoted(m[1]));
  for (const m of text.matchAll(/\b[A-Z_]*ICONS\b[^=]*=\s*\{([^}]*)\}/g))
    for (const v of m[1].matchAll(/:\s*'([a-z][a-z0-9_]*)'/g)) names.push(v[1]);
  return names;
}

describe('the icon font subset', () => {
  const files = sources(join(__dirname, '..', 'app'));
  const used = new Map<string, string>();
  for (const f of files) for (const name of namedIcons(f.text)) used.set(name, f.path);

  it('finds the icons the app names (the scan itself works)', () => {
    expect(used.size).toBeGreaterThan(40);
    expect([...used.keys()]).toEqual(expect.arrayContaining(['dashboard', 'event_upcoming', 'handshake', 'edit_note', 'cloud_off']));
  });

  it('holds every icon the app names', () => {
    const missing = [...used].filter(([name]) => !SUBSET.includes(name)).map(([name, path]) => `${name} (${path})`);
    expect(missing).toEqual([]);
  });
});

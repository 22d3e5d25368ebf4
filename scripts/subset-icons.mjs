#!/usr/bin/env node
// Rewrites the icon font the web app ships (apps/web/src/icons/) as a subset of Material Symbols
// Outlined that holds only the icons the app names: the full font is about 490 KB, the subset a few KB.
// The result is committed, so installing and building need nothing of this. Run it again after
// using a new icon (apps/web/src/icons/icons.spec.ts fails until then):
//
//   npx -y -p harfbuzzjs@1.6.4 -p fontkit@2.0.4 -p fontverter@2.0.0 -c 'node scripts/subset-icons.mjs'
//
// Which icons: every lower_snake word in a string, an attribute value or an element's text in
// apps/web/src (specs excepted) that the font's ligatures turn into an icon. Over-collecting is harmless
// (a few hundred bytes per glyph); a missing icon would show its name as text.
// How: HarfBuzz's subsetter keeps the letters, digits and "_" (the ligatures' input) and the named
// icon glyphs, without layout closure, so only the ligatures that produce a kept icon survive; the
// FILL axis is pinned to 0, the only value the app uses.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'apps/web/src/icons');

// The tools come from `npx -p …`, which puts their node_modules/.bin on PATH but not on the module path.
const binDir = process.env.PATH.split(delimiter).find((p) => p.endsWith(join('node_modules', '.bin')) && !p.startsWith(root));
if (!binDir) throw new Error('Run this through npx with -p harfbuzzjs -p fontkit -p fontverter (see the top of this file).');
const require = createRequire(join(binDir, '..', 'noop.js'));
const fontkit = require('fontkit');
const fontverter = require('fontverter');
const wasmPath = require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');

const source = join(root, 'node_modules/@material-symbols/font-400/material-symbols-outlined.woff2');
const font = fontkit.create(readFileSync(source));
// Icons also have private-use code points; the letters, digits and punctuation are below U+2000.
const letterGlyphs = new Set(font.characterSet.filter((c) => c < 0x2000).map((c) => font.glyphForCodePoint(c).id));
/** The icon glyph a word turns into through the font's ligatures (aliases included), if any. */
const iconGlyph = (word) => {
  const run = font.layout(word).glyphs;
  // An icon is one glyph reached only through a ligature; a glyph with a character of its own is a letter.
  return run.length === 1 && !letterGlyphs.has(run[0].id) ? run[0].id : undefined;
};

const words = new Set();
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (/\.(ts|html)$/.test(entry.name) && !entry.name.endsWith('.spec.ts')) {
      for (const m of readFileSync(path, 'utf8').matchAll(/['">\s]([a-z][a-z0-9_]*)(?=['"<\s])/g)) words.add(m[1]);
    }
  }
};
walk(join(root, 'apps/web/src/app'));
const names = [...words].filter((w) => iconGlyph(w) !== undefined).sort();

const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath));
const hb = instance.exports;
const heap = () => new Uint8Array(hb.memory.buffer);
const ttf = await fontverter.convert(readFileSync(source), 'truetype');
const buffer = hb.malloc(ttf.byteLength);
heap().set(new Uint8Array(ttf), buffer);
const blob = hb.hb_blob_create(buffer, ttf.byteLength, 2 /* writable */, 0, 0);
const face = hb.hb_face_create(blob, 0);
hb.hb_blob_destroy(blob);
const input = hb.hb_subset_input_create_or_fail();
const tag = (s) => [...s].reduce((a, c) => (a << 8) + c.charCodeAt(0), 0);
const features = hb.hb_subset_input_set(input, 6 /* layout feature tags */);
hb.hb_set_clear(features);
hb.hb_set_invert(features);
hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | 0x200 /* no layout closure */);
const unicodes = hb.hb_subset_input_unicode_set(input);
for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789_') hb.hb_set_add(unicodes, c.codePointAt(0));
const glyphs = hb.hb_subset_input_glyph_set(input);
for (const name of names) hb.hb_set_add(glyphs, iconGlyph(name));
if (!hb.hb_subset_input_pin_axis_location(input, face, tag('FILL'), 0)) throw new Error('could not pin FILL');
const subset = hb.hb_subset_or_fail(face, input);
if (!subset) throw new Error('HarfBuzz could not subset the font');
const result = hb.hb_face_reference_blob(subset);
const offset = hb.hb_blob_get_data(result, 0);
const bytes = Buffer.from(heap().subarray(offset, offset + hb.hb_blob_get_length(result)));
const woff2 = await fontverter.convert(bytes, 'woff2', 'truetype');

// Every kept name must still turn into its icon (the same outline as in the full font), not into letters.
const check = fontkit.create(woff2);
const broken = names.filter((n) => {
  const run = check.layout(n).glyphs;
  return run.length !== 1 || run[0].path.toSVG() !== font.getGlyph(iconGlyph(n)).path.toSVG();
});
if (broken.length) throw new Error(`these names no longer form their icon: ${broken.join(', ')}`);

writeFileSync(join(out, 'material-symbols-outlined-subset.woff2'), woff2);
writeFileSync(join(out, 'icon-names.json'), JSON.stringify(names, null, 2) + '\n');
console.log(`${names.length} icons: ${readFileSync(source).length} → ${woff2.length} bytes`);

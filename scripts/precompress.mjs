#!/usr/bin/env node
// Writes `<file>.br` (brotli, best quality) and `<file>.gz` (gzip -9) beside every compressible file of
// the built web app, once at build time, so the server sends them without compressing per request.
// Already-compressed formats (woff, woff2, images) are left alone, and so is a file that would not shrink.
// With --budget (the production build) it also fails when the initial JavaScript is over 120 kB gzip.
// Usage: node scripts/precompress.mjs [dir] [--budget]   (default dist/apps/web/browser)
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dir = resolve(root, args.find((a) => !a.startsWith('--')) ?? 'dist/apps/web/browser');
const budget = args.includes('--budget');

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.svg', '.txt', '.xml', '.map', '.ico', '.webmanifest', '.ttf']);
/** Below this a compressed copy saves less than its extra round of headers. */
const MIN_BYTES = 512;

function* files(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

let count = 0;
let before = 0;
let afterBr = 0;
for (const path of files(dir)) {
  if (path.endsWith('.br') || path.endsWith('.gz')) {
    rmSync(path); // a copy from an earlier run: rewritten below if its source still exists
    continue;
  }
}
for (const path of files(dir)) {
  const ext = extname(path).toLowerCase();
  if (!COMPRESSIBLE.has(ext)) continue;
  const size = statSync(path).size;
  if (size < MIN_BYTES) continue;
  const data = readFileSync(path);
  const br = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: ext === '.ttf' ? constants.BROTLI_MODE_FONT : constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: size,
    },
  });
  const gz = gzipSync(data, { level: constants.Z_BEST_COMPRESSION });
  if (br.length < size) writeFileSync(`${path}.br`, br);
  if (gz.length < size) writeFileSync(`${path}.gz`, gz);
  count++;
  before += size;
  afterBr += Math.min(br.length, size);
}
// The initial JavaScript (what index.html loads before the app can start) must stay within the phone
// budget, measured as it goes over the wire with gzip; Angular's own budget can only count raw bytes.
const INITIAL_JS_GZIP_LIMIT = 120_000;
let initialRaw = 0;
let initialGzip = 0;
const indexHtml = join(dir, 'index.html');
if (existsSync(indexHtml)) {
  for (const [, src] of readFileSync(indexHtml, 'utf8').matchAll(/<(?:script|link rel="modulepreload")[^>]*(?:src|href)="([^"]+\.js)"/g)) {
    const data = readFileSync(join(dir, src));
    initialRaw += data.length;
    initialGzip += gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length;
  }
}
console.log(
  `Precompressed ${count} files in ${relative(root, dir) || '.'}: ${(before / 1024).toFixed(0)} KiB → ${(afterBr / 1024).toFixed(0)} KiB brotli.`,
);
console.log(
  `Initial JavaScript: ${(initialRaw / 1000).toFixed(1)} kB raw, ${(initialGzip / 1000).toFixed(1)} kB gzip (limit ${INITIAL_JS_GZIP_LIMIT / 1000} kB).`,
);
if (budget && initialGzip > INITIAL_JS_GZIP_LIMIT) {
  console.error('The initial JavaScript is over its gzip budget: move code behind a lazy route or a deferred import.');
  process.exit(1);
}

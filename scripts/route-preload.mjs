#!/usr/bin/env node
// After the web bundle: writes a small start-up script (`preload-<hash>.js`) and puts it first in
// index.html's head, so that on a cold load the first page's code and translations download while
// the initial JavaScript does, instead of after it has run.
// - The lazy chunks of the pages below: esbuild's metafile (stats.json, `statsJson` in the build)
//   names the chunk of each lazily imported module; each page's list is those chunks and everything
//   they import statically, less what index.html already loads. The script adds a
//   <link rel="modulepreload"> for each when the address is that page's, so the browser fetches them
//   all in one go rather than discovering them one import level (one round trip) at a time.
// - The page's first API answers, unfiltered (see the app's early-response interceptor).
// - The translation file of the language the visit starts in (the same rule as the app's
//   startingLanguage: this device's choice, else the browser's, else English), handed to the app as
//   `window.__itTranslation` (the app's translation loader takes it over).
// A separate file, not an inline script: the app's Content-Security-Policy allows its own scripts only.
// Usage: node scripts/route-preload.mjs [dist dir]   (default dist/apps/web; needs its stats.json)
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(root, process.argv[2] ?? 'dist/apps/web');
const browser = join(dist, 'browser');

/** The public stories page's page size (PUBLIC_PAGE_SIZE in its component); read from the source so they agree. */
const PUBLIC_FIRST_PAGE = Number(
  readFileSync(join(root, 'apps/web/src/app/stories/public/public-stories.page.ts'), 'utf8').match(/PUBLIC_PAGE_SIZE = (\d+)/)?.[1],
);
if (!PUBLIC_FIRST_PAGE) throw new Error('route-preload: PUBLIC_PAGE_SIZE not found in public-stories.page.ts');

/**
 * The pages a visit most often starts on, and the lazily loaded modules their first paint needs.
 * `signedIn`: only with a stored session (impact.session), else the visit goes to sign-in instead.
 * `data`: the API addresses the page asks for first, unfiltered (`{lang}`: the starting language).
 */
const PAGES = {
  '/stories': {
    signedIn: false,
    data: ['/api/public/stories/facets', `/api/public/stories?pageSize=${PUBLIC_FIRST_PAGE}&preferLanguage={lang}&page=1`],
    modules: [
      'apps/web/src/app/stories/public/public-stories.routes.ts',
      'apps/web/src/app/stories/public/public-layout.ts',
      'apps/web/src/app/stories/public/public-stories.page.ts',
    ],
  },
  '/dashboard': {
    signedIn: true,
    // A hub manager lands on its own hub (another address).
    notForRole: 'hub_manager',
    // The figures only: the panels under them render after the first paint, and their five calls would
    // hold five of the browser's six connections while the page's code still downloads.
    data: ['/api/dashboard/summary'],
    modules: ['apps/web/src/app/core/layout/shell.ts', 'apps/web/src/app/dashboard/dashboard.routes.ts'],
  },
};

/** The languages there is a translation file for: one per language of the app's LANGUAGES. */
const LANGUAGES = readdirSync(join(browser, 'i18n'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length));

const metafile = JSON.parse(readFileSync(join(dist, 'stats.json'), 'utf8'));
/** Output file name → its static imports (file names), and entry module → its output file name. */
const staticImports = new Map();
const chunkOf = new Map();
for (const [path, output] of Object.entries(metafile.outputs)) {
  if (!path.endsWith('.js')) continue;
  const name = basename(path);
  staticImports.set(
    name,
    (output.imports ?? []).filter((i) => i.kind === 'import-statement').map((i) => basename(i.path)),
  );
  if (output.entryPoint) chunkOf.set(output.entryPoint.replace(/^.*?(apps\/web\/src\/)/, '$1'), name);
}

const indexPath = join(browser, 'index.html');
const index = readFileSync(indexPath, 'utf8');
const initial = new Set([...index.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]));

function closure(name, into) {
  if (into.has(name) || initial.has(name)) return into;
  into.add(name);
  for (const dep of staticImports.get(name) ?? []) closure(dep, into);
  return into;
}

const preloads = {};
for (const [page, { signedIn, notForRole, data, modules }] of Object.entries(PAGES)) {
  const files = new Set();
  for (const module of modules) {
    const chunk = chunkOf.get(module);
    if (!chunk) throw new Error(`route-preload: no chunk for ${module} in stats.json (renamed? update PAGES)`);
    closure(chunk, files);
  }
  // `chunk-<hash>.js` as its hash alone: the names are most of this script's bytes.
  preloads[page] = { signedIn, notForRole, data, files: [...files].map((f) => f.replace(/^chunk-([0-9A-Z]{8})\.js$/, '$1')) };
}

const source = `(function () {
  var pages = ${JSON.stringify(preloads)};
  var path = location.pathname.replace(/\\/+$/, '') || '/';
  var page = pages[path];
  var session = null;
  try {
    session = JSON.parse(localStorage.getItem('impact.session') || 'null');
  } catch (e) {}
  var languages = ${JSON.stringify(LANGUAGES)};
  var lang = null;
  try {
    lang = localStorage.getItem('impact.language');
  } catch (e) {}
  if (!languages.includes(lang)) {
    lang = (navigator.languages || [navigator.language || ''])
      .map((tag) => String(tag).slice(0, 2).toLowerCase())
      .find((base) => languages.includes(base));
  }
  lang = lang || 'en';
  var body = fetch('/i18n/' + lang + '.json', { credentials: 'same-origin' }).then(function (res) {
    return res.ok ? res.json() : Promise.reject(new Error(String(res.status)));
  });
  body.catch(function () {});
  window.__itTranslation = { lang: lang, body: body };
  if (!page || (page.signedIn && !(session && session.accessToken))) return;
  // The page's first data, at the addresses the page will ask for (parameters in the same order);
  // the app's early-response interceptor takes each answer once. Not for a filtered address, nor
  // for a role the page sends elsewhere.
  var user = session && session.user;
  if (!location.search && !(user && page.notForRole && page.notForRole === user.role)) {
    var early = (window.__itEarlyGet = {});
    page.data.forEach(function (address) {
      var url = address.replace('{lang}', lang);
      var token = page.signedIn ? session.accessToken : null;
      var headers = { 'Accept-Language': lang };
      if (token) headers.Authorization = 'Bearer ' + token;
      var answer = fetch(url, { credentials: 'same-origin', headers: headers }).then(function (res) {
        return res.json().then(function (json) {
          return { ok: res.ok, status: res.status, body: json };
        });
      });
      answer.catch(function () {});
      early[url] = { answer: answer, token: token, at: performance.now() };
    });
  }
  page.files.forEach(function (file) {
    var link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = file.endsWith('.js') ? file : 'chunk-' + file + '.js';
    document.head.appendChild(link);
  });
})();
`;

// Minified like the rest of the initial JavaScript: it counts against the same gzip budget.
const script = transformSync(source, { minify: true, target: 'es2020' }).code;
for (const file of readdirSync(browser)) if (/^preload-[0-9A-Z]{8}\.js/.test(file)) rmSync(join(browser, file));
const hash = BigInt('0x' + createHash('sha256').update(script).digest('hex').slice(0, 10))
  .toString(32)
  .toUpperCase()
  .padStart(8, '0')
  .slice(-8);
const name = `preload-${hash}.js`;
writeFileSync(join(browser, name), script);
const tag = `<script src="${name}" async></script>`;
const withTag = index
  .replace(/\s*<script src="preload-[0-9A-Z]{8}\.js" async><\/script>/, '')
  .replace(/<meta charset="utf-8"\s*\/?>/, (m) => `${m}\n    ${tag}`);
if (!withTag.includes(tag)) throw new Error('route-preload: no <meta charset> in index.html to put the script after');
writeFileSync(indexPath, withTag);
for (const [page, { files }] of Object.entries(preloads)) console.log(`Route preload ${page}: ${files.length} chunks.`);

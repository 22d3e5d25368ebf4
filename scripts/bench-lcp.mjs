#!/usr/bin/env node
// `npm run bench:lcp`: Largest Contentful Paint of the public /stories page and the signed-in
// /dashboard under a phone profile (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower,
// through the Chrome DevTools Protocol), each load in a fresh browser context (cold cache). It prints
// figures; it is not a pass/fail test.
//
// It drives the built app (`npm run build` first) on its own fresh embedded PostgreSQL with the demo
// data (scripts/e2e-server.mjs), or an app already running at BASE_URL.
// Options: --runs N (default 3), --waterfall (the requests of each page's last load, in ms from the start),
// --candidates (every LCP candidate of each page's last load: when, which element, its area and text),
// --tasks (the first contentful paint and the main thread's long tasks of each page's last load),
// --profile (one more load of each page, not counted, under the CPU profiler: where the main thread's
// time went until the LCP, by script and by function), --page stories|dashboard (that page only). Environment: E2E_PORT, E2E_PG_PORT, BASE_URL, CHROMIUM_PATH.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
/** `--waterfall`: also print when each request of a page's last load started and ended. */
const waterfall = process.argv.includes('--waterfall');
/** `--candidates`: also print every LCP candidate the browser reported, not only the last. */
const candidates = process.argv.includes('--candidates');
/** `--tasks`: also print the first contentful paint and every long task (≥ 50 ms) of a page's last load. */
const tasks = process.argv.includes('--tasks');
/** `--profile`: one more load per page, not counted, with the CPU profiler on; prints its self time by script and function. */
const profile = process.argv.includes('--profile');
const pageArg = process.argv.indexOf('--page');
const onlyPage = pageArg > 0 ? process.argv[pageArg + 1] : null;
const port = process.env.E2E_PORT ?? '3210';
const baseURL = process.env.BASE_URL || `http://127.0.0.1:${port}`;

/** The phone profile: Lighthouse's mobile throttling. */
const PHONE = {
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
  cpuSlowdown: 4,
  viewport: { width: 412, height: 823 },
};

const demoUsers = JSON.parse(readFileSync(join(root, 'apps/api/src/database/demo/demo-users.json'), 'utf8'));
const leadership = demoUsers.find((u) => u.email === 'leadership@impact.test');

async function waitForHealth(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

/** One cold load of `path` under the phone profile: LCP, its element, and the bytes that crossed the wire. */
async function measure(browser, path, storageState, waitFor, profiled = false) {
  const context = await browser.newContext({
    viewport: PHONE.viewport,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    storageState,
  });
  // Long tasks are not buffered for a late observer: record them from the start.
  await context.addInitScript(() => {
    const seen = (globalThis.__benchLongTasks = []);
    new PerformanceObserver((list) => seen.push(...list.getEntries().map((e) => [e.startTime, e.duration]))).observe({ type: 'longtask' });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE.latency,
    downloadThroughput: PHONE.downloadThroughput,
    uploadThroughput: PHONE.uploadThroughput,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
  let bytes = 0;
  let t0;
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    t0 ??= e.timestamp;
    requests.set(e.requestId, { url: e.request.url.replace(baseURL, ''), start: e.timestamp });
  });
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { end: e.timestamp, bytes: e.encodedDataLength });
  });
  if (profiled) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
  }
  await page.goto(baseURL + path, { waitUntil: 'load', timeout: 120_000 });
  await page.locator(waitFor).first().waitFor({ timeout: 120_000 });
  await page.waitForLoadState('networkidle', { timeout: 120_000 }).catch(() => undefined);
  const lcp = await page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          const last = entries[entries.length - 1];
          const name = (el) => (el ? `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''}` : '');
          resolve({
            ms: last ? last.startTime : NaN,
            element: name(last?.element),
            candidates: entries.map(
              (e) =>
                `${e.startTime.toFixed(0).padStart(6)} ms ${String(e.size).padStart(7)} px²  ${name(e.element)}  ${(e.element?.textContent ?? e.url).trim().slice(0, 60)}`,
            ),
          });
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      }),
  );
  const longTasks = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    const list = globalThis.__benchLongTasks.map(
      ([at, ms]) => `${at.toFixed(0).padStart(6)} ms  ${ms.toFixed(0).padStart(5)} ms long task`,
    );
    return [`${fcp.toFixed(0).padStart(6)} ms  first contentful paint`, ...list];
  });
  const cpu = profiled ? selfTime((await cdp.send('Profiler.stop')).profile, t0, lcp.ms) : [];
  await context.close();
  const ms = (t) => ((t - t0) * 1000).toFixed(0).padStart(6);
  const timeline = [...requests.values()].map(
    (r) => `${ms(r.start)} → ${r.end ? ms(r.end) : '     …'} ms ${String(r.bytes ?? '').padStart(7)} B  ${r.url.slice(0, 90)}`,
  );
  return { ...lcp, bytes, timeline, longTasks, cpu };
}

/** A CPU profile's self time until `untilMs` after `t0` (CDP seconds), the top scripts and functions, as lines. */
function selfTime(p, t0, untilMs) {
  const nodes = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
  const byScript = new Map();
  const byFunction = new Map();
  let at = p.startTime;
  p.samples.forEach((id, i) => {
    at += p.timeDeltas[i];
    if ((at / 1e6 - t0) * 1000 > untilMs) return;
    const f = nodes.get(id);
    const script = f.url ? f.url.replace(baseURL, '') : `(${f.functionName || 'program'})`;
    const fn = `${f.functionName || '(anonymous)'} ${script}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    byScript.set(script, (byScript.get(script) ?? 0) + p.timeDeltas[i] / 1000);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + p.timeDeltas[i] / 1000);
  });
  const top = (m, n) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k.slice(0, 110)}`);
  return [`self time until the LCP (${untilMs.toFixed(0)} ms), by script:`, ...top(byScript, 15), 'by function:', ...top(byFunction, 25)];
}

async function signedInState(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(baseURL + '/sign-in');
  await page.evaluate(() => localStorage.setItem('impact.language', 'en'));
  await page.reload();
  await page.getByLabel('E-mail address').fill(leadership.email);
  await page.getByLabel('Password', { exact: true }).fill(leadership.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/dashboard/);
  const state = await context.storageState();
  await context.close();
  return state;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let server;
if (!process.env.BASE_URL) {
  server = spawn(process.execPath, [join(root, 'scripts/e2e-server.mjs')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: process.env,
  });
}
try {
  await waitForHealth(`${baseURL}/api/health`, 180_000);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const state = await signedInState(browser);
  const cases = [
    { name: '/stories (public)', path: '/stories', state: undefined, waitFor: 'h1' },
    { name: '/dashboard (signed in)', path: '/dashboard', state, waitFor: 'it-kpi-cards' },
  ];
  const results = {};
  for (const c of cases.filter((c) => !onlyPage || c.path === `/${onlyPage}`)) {
    const figures = [];
    for (let i = 0; i < runs; i++) figures.push(await measure(browser, c.path, c.state, c.waitFor));
    results[c.name] = figures;
    const profiled = profile ? (await measure(browser, c.path, c.state, c.waitFor, true)).cpu : [];
    console.log(
      `${c.name.padEnd(24)} LCP median ${(median(figures.map((f) => f.ms)) / 1000).toFixed(2)} s ` +
        `(runs: ${figures.map((f) => (f.ms / 1000).toFixed(2)).join(', ')} s; element ${figures[figures.length - 1].element}); ` +
        `transferred ${(median(figures.map((f) => f.bytes)) / 1024).toFixed(0)} KiB`,
    );
    if (waterfall) console.log(figures[figures.length - 1].timeline.join('\n'));
    if (candidates) console.log(figures[figures.length - 1].candidates.join('\n'));
    if (tasks) console.log(figures[figures.length - 1].longTasks.join('\n'));
    if (profile) console.log(profiled.join('\n'));
    for (const f of figures) {
      delete f.timeline;
      delete f.candidates;
      delete f.longTasks;
      delete f.cpu;
    }
  }
  await browser.close();
  console.log(JSON.stringify({ profile: PHONE, runs, results }));
} finally {
  server?.kill('SIGTERM');
}

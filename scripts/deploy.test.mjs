// Checks the deployment without a Docker engine (none runs here): docker-compose.yml has the database
// and the app wired with a volume and health checks, the Dockerfile builds what it runs on a supported
// Node LTS, `npm ci` on a fresh clone works as an ordinary user with no compiler, and a production
// start on a fresh embedded database loads no demo data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'));
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const envExample = readFileSync(join(root, '.env.example'), 'utf8');
const configured = new Set([...envExample.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));

test('compose has a PostgreSQL service with a persistent volume and a health check', () => {
  const db = compose.services?.db;
  assert.ok(db, 'service db');
  assert.match(db.image, /^postgres:\d+/);
  assert.ok(
    db.volumes?.some((v) => String(v).startsWith('db-data:')),
    'db-data volume mounted',
  );
  assert.ok(compose.volumes && 'db-data' in compose.volumes, 'db-data volume declared');
  assert.ok(db.healthcheck?.test?.join(' ').includes('pg_isready'), 'pg_isready health check');
});

test('compose runs the app after the database is healthy, with a health check on /api/health', () => {
  const app = compose.services?.app;
  assert.ok(app, 'service app');
  assert.equal(app.build, '.');
  assert.equal(app.depends_on?.db?.condition, 'service_healthy');
  assert.ok(app.healthcheck?.test?.join(' ').includes('/api/health'));
  assert.match(app.environment.DATABASE_URL, /@db:5432\//);
  assert.equal(app.ports, undefined, 'no app port on the host: only the proxy reaches the replicas');
});

test('compose runs two app replicas behind Caddy, which terminates TLS and spreads requests over every replica', () => {
  const { app, proxy } = compose.services;
  assert.equal(app.deploy?.replicas, 2);
  assert.equal(app.container_name, undefined, 'replicas need generated container names');
  assert.match(proxy.image, /^caddy:2/);
  assert.equal(proxy.depends_on?.app?.condition, 'service_healthy');
  assert.ok(proxy.ports.some((p) => String(p).endsWith(':443')) && proxy.ports.some((p) => String(p).endsWith(':80')));
  assert.ok(compose.volumes && 'caddy-data' in compose.volumes, 'certificates kept in a volume');
  const mount = proxy.volumes.find((v) => String(v).endsWith(':/etc/caddy/Caddyfile:ro'));
  const caddyfile = readFileSync(join(root, String(mount).split(':')[0]), 'utf8');
  assert.match(caddyfile, /^\{\$SITE_ADDRESS:localhost\} \{/m, 'the site is SITE_ADDRESS, served over HTTPS');
  assert.match(caddyfile, /dynamic a \{\s*name app\s*port 3000/, 'upstreams: every address of the app service');
  assert.match(caddyfile, /fail_duration \d+s/, 'a failing replica is skipped for a while');
  // The proxy sits on the compose network, a private range: the app believes its X-Forwarded-For only.
  assert.match(app.environment.TRUST_PROXY, /^\$\{TRUST_PROXY:-uniquelocal\}$/);
  assert.match(app.environment.PUBLIC_URL, /^https:\/\/\$\{SITE_ADDRESS/);
});

test('compose runs the migrations as the database owner and the app as a role of its own', () => {
  const db = compose.services.db;
  const env = compose.services.app.environment;
  const user = (url) => new URL(url.replace(/\$\{[^}]*\}/g, 'secret')).username;
  assert.equal(user(env.MIGRATION_DATABASE_URL), db.environment.POSTGRES_USER, 'MIGRATION_DATABASE_URL signs in as POSTGRES_USER');
  assert.notEqual(user(env.DATABASE_URL), db.environment.POSTGRES_USER, 'DATABASE_URL is not the owner');
  assert.equal(user(env.DATABASE_URL), db.environment.APP_DB_USER, 'DATABASE_URL signs in as the app role');
  assert.match(db.environment.APP_DB_PASSWORD, /\$\{APP_DB_PASSWORD:\?/);
  const init = db.volumes.find((v) => String(v).includes('/docker-entrypoint-initdb.d/'));
  assert.ok(init, 'an init script creates the app role');
  const script = String(init).split(':')[0];
  assert.ok(existsSync(join(root, script)), `${script} exists`);
  assert.match(readFileSync(join(root, script), 'utf8'), /CREATE ROLE/);
});

test('compose requires the secrets instead of shipping defaults', () => {
  assert.match(compose.services.app.environment.JWT_SECRET, /\$\{JWT_SECRET:\?/);
  assert.match(compose.services.db.environment.POSTGRES_PASSWORD, /\$\{POSTGRES_PASSWORD:\?/);
});

test('every variable compose gives the app is documented in .env.example', () => {
  for (const name of Object.keys(compose.services.app.environment)) {
    assert.ok(configured.has(name), `${name} is missing from .env.example`);
  }
  for (const m of readFileSync(join(root, 'docker-compose.yml'), 'utf8').matchAll(/\$\{([A-Z_]+)/g)) {
    assert.ok(configured.has(m[1]), `${m[1]} is missing from .env.example`);
  }
});

test('the Dockerfile installs from the lock file, builds both apps and runs the built API on Node 24 LTS', () => {
  // Node 20 reached its end of life in April 2026; the code itself still runs on Node 20.19+.
  const from = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
  assert.deepEqual(from, ['node:24-bookworm-slim', 'node:24-bookworm-slim'], 'both stages on node:24-bookworm-slim');
  assert.equal(packageJson.engines?.node, '>=20.19.0', 'the code keeps running on Node 20.19+');
  assert.match(dockerfile, /npm ci/);
  assert.match(dockerfile, /nx run-many -t build -p api web/);
  assert.match(dockerfile, /CMD \["node", "dist\/apps\/api\/main.js"\]/);
  assert.match(dockerfile, /^USER node$/m, 'does not run as root');
  assert.match(dockerfile, /HEALTHCHECK/);
  for (const f of ['package.json', 'package-lock.json', '.dockerignore']) assert.ok(existsSync(join(root, f)), f);
});

test('every package in the lock file comes from the npm registry (no git, file or URL dependencies)', () => {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const elsewhere = Object.entries(lock.packages)
    .filter(([path]) => path !== '')
    .filter(([, p]) => p.link || (p.resolved && !p.resolved.startsWith('https://registry.npmjs.org/')) || !p.integrity)
    .map(([path]) => path);
  assert.deepEqual(elsewhere, []);
});

// ---- npm ci on a fresh clone, as an ordinary user, with no compiler ------------------------------------

const CI_USER = 'impact-ci';
const isRoot = process.getuid?.() === 0;

/** Names of compilers and build tools a native build would need; none may be on the install's PATH. */
const BUILD_TOOL = /^(cc|c89|c99|c\+\+|cpp|gcc|g\+\+|clang|make|gmake|cmake|ninja|ld|as)([-.].*)?$|gcc|g\+\+|clang|python/;

/** A folder of links to every command on the usual PATH except compilers, build tools and Python. */
function pathWithoutCompiler(dir) {
  mkdirSync(dir, { recursive: true });
  for (const from of [dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin']) {
    let names = [];
    try {
      names = readdirSync(from);
    } catch {
      continue;
    }
    for (const name of names) {
      if (BUILD_TOOL.test(name) || existsSync(join(dir, name))) continue;
      symlinkSync(join(from, name), join(dir, name));
    }
  }
  return dir;
}

/** Runs a command as the install user (root: the dedicated system user through setpriv). */
function asUser(cmd, args, { cwd, env, timeout = 30 * 60_000 }) {
  const [file, argv] = isRoot
    ? ['setpriv', [`--reuid=${CI_USER}`, `--regid=${CI_USER}`, '--init-groups', '--', cmd, ...args]]
    : [cmd, args];
  const r = spawnSync(file, argv, { cwd, env, encoding: 'utf8', timeout, maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** As root, a system user with no home and no login, created once. */
function ensureCiUser() {
  if (!isRoot || spawnSync('id', ['-u', CI_USER]).status === 0) return;
  const r = spawnSync(
    'useradd',
    ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', CI_USER],
    {
      encoding: 'utf8',
    },
  );
  assert.equal(r.status, 0, `useradd ${CI_USER}: ${r.stderr}`);
}

test(
  'npm ci on a fresh clone works as a non-root user with a fresh HOME and npm cache, no compiler and no node-gyp build',
  { timeout: 35 * 60_000 },
  (t) => {
    ensureCiUser();
    const base = mkdtempSync(join(tmpdir(), 'impact-npm-ci-'));
    try {
      chmodSync(base, 0o755);
      const repo = join(base, 'repo');
      const home = join(base, 'home');
      mkdirSync(home);
      const clone = spawnSync('git', ['clone', '--quiet', '--no-hardlinks', root, repo], { encoding: 'utf8' });
      assert.equal(clone.status, 0, `git clone: ${clone.stderr}`);
      const bin = pathWithoutCompiler(join(base, 'bin'));
      if (isRoot) assert.equal(spawnSync('chown', ['-R', `${CI_USER}:${CI_USER}`, base]).status, 0, 'chown');

      // Nothing of the caller's npm set-up applies: a fresh HOME (so no ~/.npmrc, whose nodedir or cache
      // would hide a missing header download) and only the variables the network needs.
      const env = { HOME: home, PATH: bin, LANG: 'C.UTF-8', npm_config_cache: join(home, '.npm'), npm_config_update_notifier: 'false' };
      for (const [k, v] of Object.entries(process.env)) {
        if (/^(https?_proxy|no_proxy|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR)$/i.test(k)) env[k] = v;
      }
      // A package that falls back to compiling fails here instead of fetching Node's headers.
      env.npm_config_nodedir = '/nonexistent';

      const who = asUser('sh', ['-c', 'id -u; command -v cc gcc g++ make python3 python || true'], { cwd: repo, env });
      const [uid, ...tools] = who.output.trim().split('\n');
      assert.notEqual(uid, '0', 'runs as an ordinary user');
      assert.deepEqual(tools, [], 'no compiler, make or Python on PATH');

      const npmVersion = asUser('npm', ['--version'], { cwd: repo, env }).output.trim();
      const started = Date.now();
      const ci = asUser('npm', ['ci', '--foreground-scripts', '--no-audit', '--no-fund'], { cwd: repo, env });
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      mkdirSync(join(root, 'tmp'), { recursive: true });
      writeFileSync(join(root, 'tmp', 'npm-ci-as-user.log'), ci.output);
      t.diagnostic(
        `npm ci (npm ${npmVersion}) as uid ${uid}, fresh HOME and cache, no compiler: ${seconds} s (log: tmp/npm-ci-as-user.log)`,
      );
      console.log(`# npm ci as uid ${uid} (npm ${npmVersion}) on a fresh clone took ${seconds} s`);
      assert.equal(ci.status, 0, `npm ci failed:\n${ci.output.split('\n').slice(-30).join('\n')}`);
      assert.doesNotMatch(ci.output, /\bgyp (info|ERR!|WARN)|node-gyp rebuild/, 'no package was compiled with node-gyp');

      // The password library loads its prebuilt binary and hashes.
      const argon = asUser(
        'node',
        [
          '-e',
          "const a = require('@node-rs/argon2'); a.hash('correct horse battery').then(async (h) => console.log(h.startsWith('$argon2id$') && (await a.verify(h, 'correct horse battery')) && !(await a.verify(h, 'wrong')) ? 'argon2 ok' : 'argon2 wrong'))",
        ],
        { cwd: repo, env },
      );
      assert.match(argon.output, /^argon2 ok$/m, argon.output);
    } finally {
      // Deleting a full node_modules takes minutes on a busy disk; nothing waits for it.
      spawn('rm', ['-rf', base], { detached: true, stdio: 'ignore' }).unref();
    }
  },
);

// ---- production start on a fresh embedded database --------------------------------------------------

const freePort = () =>
  new Promise((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });

test(
  'NODE_ENV=production on a fresh embedded database: no demo data, no demo sign-ins, and how to create the first admin',
  { timeout: 10 * 60_000 },
  async (t) => {
    // The built API as it ships (Nx reuses the cached build when nothing changed).
    const build = spawnSync(join(root, 'node_modules', '.bin', 'nx'), ['run', 'api:build', '--outputStyle=static'], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
      encoding: 'utf8',
    });
    assert.equal(build.status, 0, `api build failed:\n${build.stdout}${build.stderr}`);

    const base = mkdtempSync(join(tmpdir(), 'impact-prod-'));
    chmodSync(base, 0o755); // the embedded server runs as the OS user `postgres` when started by root
    const port = await freePort();
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: String(port),
      EMBEDDED_PG_PORT: String(await freePort()),
      EMBEDDED_PG_DIR: join(base, 'postgres'),
      JWT_SECRET: 'deploy-check-secret-that-is-long-enough-0123',
      LOG_LEVEL: 'warn',
      WEB_DIST: join(base, 'no-web'),
    };
    const app = spawn(process.execPath, [join(root, 'dist', 'apps', 'api', 'main.js')], {
      cwd: base,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise((ok) => app.on('exit', ok));
    try {
      await new Promise((ok, fail) => {
        const timer = setTimeout(() => fail(new Error(`no start within 300 s:\n${output}`)), 300_000);
        const onData = (d) => {
          output += d;
          // The start banner ends with a blank line; a log line may arrive before or after it.
          const banner = output.indexOf('Impact Tracker is running');
          if (banner >= 0 && output.indexOf('\n\n', banner) >= 0) {
            clearTimeout(timer);
            ok();
          }
        };
        app.stdout.on('data', onData);
        app.stderr.on('data', (d) => (output += d));
        app.on('exit', (code) => fail(new Error(`exited with ${code}:\n${output}`)));
      });
      t.diagnostic(
        output
          .trim()
          .split('\n')
          .filter((l) => /running|admin|demo/i.test(l))
          .join(' | '),
      );
      assert.doesNotMatch(output, /Demo (data|sign-ins)|@impact\.test/, 'no demo data and no demo sign-ins printed');
      assert.match(output, /No active admin yet: set ADMIN_EMAIL and ADMIN_PASSWORD/);

      const url = `http://127.0.0.1:${port}/api`;
      assert.equal((await fetch(`${url}/health`)).status, 200);
      const login = await fetch(`${url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@impact.test', password: 'admin-demo-2026' }),
      });
      assert.equal(login.status, 401, 'the published demo admin cannot sign in');
    } finally {
      app.kill('SIGTERM');
      await exited;
      rmSync(base, { recursive: true, force: true });
    }
  },
);

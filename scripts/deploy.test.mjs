// Checks the deployment files without a Docker engine (none runs here): docker-compose.yml has the
// database and the app wired with a volume and health checks, and the Dockerfile builds what it runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'));
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const envExample = readFileSync(join(root, '.env.example'), 'utf8');
const configured = new Set([...envExample.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));

test('compose has a PostgreSQL service with a persistent volume and a health check', () => {
  const db = compose.services?.db;
  assert.ok(db, 'service db');
  assert.match(db.image, /^postgres:\d+/);
  assert.ok(db.volumes?.some((v) => String(v).startsWith('db-data:')), 'db-data volume mounted');
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
  assert.ok(app.ports?.some((p) => String(p).endsWith(':3000')));
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

test('the Dockerfile installs from the lock file, builds both apps and runs the built API', () => {
  assert.match(dockerfile, /^FROM node:20/m, 'Node 20 base image');
  assert.match(dockerfile, /npm ci/);
  assert.match(dockerfile, /nx run-many -t build -p api web/);
  assert.match(dockerfile, /CMD \["node", "dist\/apps\/api\/main.js"\]/);
  assert.match(dockerfile, /^USER node$/m, 'does not run as root');
  assert.match(dockerfile, /HEALTHCHECK/);
  for (const f of ['package.json', 'package-lock.json', '.dockerignore']) assert.ok(existsSync(join(root, f)), f);
});

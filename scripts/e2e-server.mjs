#!/usr/bin/env node
// Starts the built app for the e2e suite on its own fresh embedded PostgreSQL (a new data folder
// under the OS temp folder, removed on exit), with the demo data loaded.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const parent = mkdtempSync(join(tmpdir(), 'impact-e2e-'));
chmodSync(parent, 0o755); // the embedded server runs as the OS user `postgres`
const port = process.env.E2E_PORT ?? '3210';

const app = spawn(process.execPath, [join(root, 'dist', 'apps', 'api', 'main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_ENV: 'test',
    PORT: port,
    DATABASE_URL: '',
    EMBEDDED_PG_DIR: join(parent, 'postgres'),
    EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? '5499',
    JWT_SECRET: 'e2e-secret-that-is-long-enough-for-hs256-signing',
    LOG_LEVEL: 'warn',
  },
});
const cleanUp = () => rmSync(parent, { recursive: true, force: true });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
app.on('exit', (code) => {
  cleanUp();
  process.exit(code ?? 0);
});

#!/usr/bin/env node
// Runs a bench script (TypeScript, importing the API's own code) through ts-node:
//   node apps/api/bench/run.mjs bench-data --scale 0.02
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const [script, ...args] = process.argv.slice(2);
if (!['bench-data', 'bench', 'explain-lists', 'bench-import'].includes(script)) {
  console.error('usage: run.mjs bench-data|bench|explain-lists|bench-import [--scale N | --rows N]');
  process.exit(2);
}
const child = spawn(
  process.execPath,
  ['--max-old-space-size=2048', '-r', 'ts-node/register', '-r', 'tsconfig-paths/register', join(here, `${script}.ts`), ...args],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      TS_NODE_PROJECT: join(here, '../tsconfig.spec.json'),
      TS_NODE_TRANSPILE_ONLY: 'true',
      TS_NODE_BASEURL: root,
    },
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

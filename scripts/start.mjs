#!/usr/bin/env node
// `npm start`: build the API and the web app (Nx skips what is already built and unchanged),
// then run the API, which serves the web app at / and the API under /api on one port.
import { spawn, spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The API's heap limit in production (the Dockerfile sets the same through NODE_OPTIONS). */
const API_HEAP = '--max-old-space-size=512';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

if (process.env.SKIP_BUILD !== 'true') {
  console.log('Building the API and the web app (cached builds are reused)…');
  const build = spawnSync(
    join(root, 'node_modules', '.bin', 'nx'),
    ['run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static'],
    {
      cwd: root,
      env,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(build.status ?? 1);
  }
}

// V8's old space may reach 512 MB (several times what the API keeps live), and with that limit V8 collects at
// about 1.4 times the live heap instead of 4 times (its growing factor shrinks with the limit), so a long
// import no longer leaves hundreds of MB of garbage resident. NODE_OPTIONS with its own limit wins.
const heap = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? '') ? [] : [API_HEAP];
const app = spawn(process.execPath, [...heap, join(root, 'dist', 'apps', 'api', 'main.js')], {
  cwd: root,
  env: process.env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

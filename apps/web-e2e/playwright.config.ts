import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// Playwright cannot download browsers here: it drives Debian's Chromium. Nx loads this file to build
// its project graph for every command, `npm start` included, so it must never throw: a missing
// browser is reported by global-setup.ts when the e2e suite itself runs.
const chromium = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
const haveChromium = existsSync(chromium);

const port = process.env['E2E_PORT'] || '3210';
const baseURL = process.env['BASE_URL'] || `http://127.0.0.1:${port}`;
const workspaceRoot = join(__dirname, '..', '..');

export default defineConfig({
  testDir: './src',
  outputDir: join(workspaceRoot, 'tmp', 'e2e-output'),
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  // Two cores run the server, two workers and Chromium together: a long journey that is the first test of a
  // worker (cold caches, first sign-in) took 50-58 s of the old 60 s budget and once ran out. Journeys get 120 s.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json']],
  globalSetup: './global-setup.ts',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // The built app on its own fresh embedded PostgreSQL with the demo data (scripts/e2e-server.mjs).
  // Without a browser there is nothing to test, so the server is not started and the run stops at once.
  webServer:
    process.env['BASE_URL'] || !haveChromium
      ? undefined
      : {
          command: 'node scripts/e2e-server.mjs',
          cwd: workspaceRoot,
          url: `${baseURL}/api/health`,
          timeout: 120_000,
          reuseExistingServer: false,
          stdout: 'pipe',
          stderr: 'pipe',
        },
  projects: [{ name: 'chromium' }],
});

import type { FullConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Stops the e2e run before any test when the configured Chromium is missing, with the one-line fix. */
export default function globalSetup(config: FullConfig): void {
  for (const project of config.projects) {
    const path = project.use.launchOptions?.executablePath;
    if (path && !existsSync(path)) {
      const error = new Error(
        `Chromium not found at ${path}: install it with 'apt-get install -y chromium' or set CHROMIUM_PATH to a Chromium binary.`,
      );
      // One line for the person at the terminal, not a stack trace into this file.
      error.stack = error.message;
      throw error;
    }
  }
}

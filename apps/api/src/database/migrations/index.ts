import { readdirSync } from 'node:fs';
import type { MigrationInterface } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

/** A migration's file: its timestamp, a dash, a name (`1764300000000-follow-through.ts`). */
const MIGRATION_FILE = /^\.?\/?\d{13}-[\w-]+\.ts$/;

/** Webpack's compile-time directory listing (only in the bundle the API runs from). */
interface WebpackContext {
  keys(): string[];
  (key: string): Record<string, unknown>;
}
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace NodeJS {
    interface Require {
      context(dir: string, deep: boolean, filter: RegExp): WebpackContext;
    }
  }
}
/** Defined only inside a webpack bundle. */
declare const __webpack_require__: unknown;

const classesOf = (module: Record<string, unknown>): MigrationClass[] =>
  Object.values(module).filter((v): v is MigrationClass => typeof v === 'function');

/**
 * Every migration in this folder, in timestamp order, found by its file name, so adding one is adding
 * its file. The bundled API lists the folder at build time (webpack's `require.context`); tests, tools
 * and the bench run the sources and list it at run time.
 */
function loadMigrations(): MigrationClass[] {
  if (typeof __webpack_require__ === 'function') {
    const context = require.context('./', false, /^\.\/\d{13}-[\w-]+\.ts$/);
    return context
      .keys()
      .sort()
      .flatMap((key) => classesOf(context(key)));
  }
  return readdirSync(__dirname)
    .filter((file) => MIGRATION_FILE.test(file))
    .sort()
    .flatMap((file) => classesOf(require(`./${file}`) as Record<string, unknown>));
}

export const MIGRATIONS: MigrationClass[] = loadMigrations();

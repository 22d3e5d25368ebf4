import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const state = globalThis.__IMPACT_TEST_PG__;
  if (!state) return;
  await state.pg.stop().catch(() => undefined);
  rmSync(state.base, { recursive: true, force: true });
}

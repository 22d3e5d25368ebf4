import type { Role } from '@impact/contracts';
import demoUsers from './demo-users.json';

/**
 * A demo sign-in. The list itself is demo-users.json (this module is named differently so that
 * `./demo-users` never resolves to the JSON file under ts-node) for tools outside the API (README, e2e). */
export interface DemoUser {
  email: string;
  /** Documented demo password (≥ 12 characters); only its argon2id hash is stored. */
  password: string;
  role: Role;
  name: string;
  /** Hub codes (hub managers). */
  hubs: string[];
  /** City keys of the demo data (city liaisons). */
  cities: string[];
}

export const DEMO_USERS: readonly DemoUser[] = demoUsers as DemoUser[];

/** One line per demo sign-in, for the start-up banner. */
export function demoSignInLines(): string[] {
  return DEMO_USERS.map((u) => `  ${u.role.padEnd(13)} ${u.email.padEnd(34)} ${u.password}`);
}

import { hash, verify } from '@node-rs/argon2';

/**
 * The one set of argon2id parameters every password hash of the product uses: accounts, demo users,
 * the ADMIN_EMAIL bootstrap and the dummy hash that unknown e-mails are checked against, so the time a
 * sign-in takes reveals nothing. OWASP's recommended minimum: 19 MiB, 2 iterations, 1 lane.
 * `@node-rs/argon2` ships prebuilt binaries: installing it needs no compiler.
 */
export const ARGON2_PARAMS = {
  /** Argon2id (the library's `Algorithm.Argon2id`; a const enum, so spelled as its value). */
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

const PHC_PARAMS = `$argon2id$v=19$m=${ARGON2_PARAMS.memoryCost},t=${ARGON2_PARAMS.timeCost},p=${ARGON2_PARAMS.parallelism}$`;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}

/** False for a wrong password and for a hash that cannot be read (never throws). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/** True when a stored hash was made with other parameters than ARGON2_PARAMS (rehash on sign-in). */
export function needsRehash(passwordHash: string): boolean {
  return !passwordHash.startsWith(PHC_PARAMS);
}

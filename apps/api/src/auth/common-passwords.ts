import { ValidateBy, type ValidationOptions } from 'class-validator';

export const COMMON_PASSWORD_MESSAGE = 'This password is too common; choose a longer passphrase.';

let common: Set<string> | null = null;

/**
 * True when the password is on zxcvbn-ts's list of common passwords (about 49,000, compared
 * case-insensitively). The list is loaded on first use: it costs ~150 ms and a few MB, which only
 * the places that set a password need.
 */
export function isCommonPassword(password: string): boolean {
  if (!common) {
    const { dictionary } = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
    common = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  }
  return common.has(password.trim().toLowerCase());
}

/** Refuses a password on the common-passwords list (every DTO and setting that sets a password). */
export function IsNotCommonPassword(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotCommonPassword',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !isCommonPassword(value),
        defaultMessage: () => COMMON_PASSWORD_MESSAGE,
      },
    },
    options,
  );
}

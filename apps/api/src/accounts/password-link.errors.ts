import { DomainError } from '../common/errors';

/** 410: the link existed but can no longer be used (already used or replaced, expired, or the account is off). */
export class PasswordLinkGoneError extends DomainError {
  readonly status = 410;
  readonly code = 'link_gone';

  constructor(reason: 'used' | 'expired' | 'inactive', message: string) {
    super(message, { reason });
  }
}

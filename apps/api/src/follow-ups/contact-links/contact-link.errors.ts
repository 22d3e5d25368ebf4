import { DomainError } from '../../common/errors';

/** 410: the link existed but can no longer be used (revoked, expired, or its follow-up is closed). */
export class ContactLinkGoneError extends DomainError {
  readonly status = 410;
  readonly code = 'link_gone';

  constructor(reason: 'revoked' | 'expired' | 'closed', message: string) {
    super(message, { reason });
  }
}

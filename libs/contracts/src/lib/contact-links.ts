import type { FollowUpStatus, Language } from './enums';
import type { IsoDate, IsoInstant } from './models';

/** Days a contact link stays valid unless CONTACT_LINK_DAYS says otherwise. */
export const DEFAULT_CONTACT_LINK_DAYS = 14;

/** Where a contact link stands: mailed, opened by the contact, answered, past its date, or revoked by staff. */
export const CONTACT_LINK_STATES = ['sent', 'opened', 'confirmed', 'expired', 'revoked'] as const;
export type ContactLinkState = (typeof CONTACT_LINK_STATES)[number];

/** `POST /api/follow-ups/:id/contact-links`: whom to ask, and in which language to write. */
export interface CreateContactLinkRequest {
  name: string;
  email: string;
  language: Language;
}

/**
 * `GET /api/follow-ups/:id/contact-links/contacts`: someone of the follow-up's city who was already
 * asked by link (on any follow-up of that city), newest first, to pick instead of typing again.
 */
export interface CityContact {
  name: string;
  email: string;
  language: Language;
  lastAskedAt: IsoInstant;
}

export interface ContactLinkCreated {
  id: string;
  expiresAt: IsoInstant;
}

/** What the contact answered last through the link. */
export interface ContactLinkAnswer {
  done: boolean;
  note: string | null;
  proposedDueDate: IsoDate | null;
  at: IsoInstant;
}

/** One link of a follow-up, as staff who may edit it see it. */
export interface ContactLink {
  id: string;
  name: string;
  email: string;
  language: Language;
  state: ContactLinkState;
  createdAt: IsoInstant;
  expiresAt: IsoInstant;
  openedAt: IsoInstant | null;
  revokedAt: IsoInstant | null;
  answer: ContactLinkAnswer | null;
}

/** `GET /api/public/follow-up-links/:token`: only what the contact needs, no staff names, e-mails or notes. */
export interface PublicFollowUpLink {
  title: string;
  dueDate: IsoDate | null;
  status: FollowUpStatus;
  cityName: string | null;
  commitmentTitle: string | null;
  language: Language;
  expiresAt: IsoInstant;
}

/** `POST /api/public/follow-up-links/:token`: done, or not yet (with a note and/or a new date). */
export interface ContactLinkAnswerRequest {
  done: boolean;
  note?: string;
  proposedDueDate?: IsoDate;
}

/** What was recorded, for the contact to see. */
export interface ContactLinkAnswerResult {
  done: boolean;
  note: string | null;
  proposedDueDate: IsoDate | null;
  status: FollowUpStatus;
}

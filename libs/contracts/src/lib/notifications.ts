import type { IsoDate, IsoInstant } from './models';

/** The kinds the daily reminders make; each is one rule. */
export const REMINDER_KINDS = [
  'follow_up_due_soon',
  'follow_up_due_tomorrow',
  'follow_up_overdue',
  'follow_up_escalated',
  'commitment_past_target',
  'commitment_stalled',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** The steps of the story workflow that tell someone: sent to review, sent back with a reason, published. */
export const STORY_NOTIFICATION_KINDS = ['story_in_review', 'story_sent_back', 'story_published'] as const;
export type StoryNotificationKind = (typeof STORY_NOTIFICATION_KINDS)[number];

/** What a notification is about: a reminder rule, a city contact's answer through a link (done, or not yet), or a story's step. */
export const NOTIFICATION_KINDS = [...REMINDER_KINDS, 'follow_up_confirmed', 'follow_up_not_done', ...STORY_NOTIFICATION_KINDS] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How a user wants notifications by e-mail: one mail each, one digest a day, or none. */
export const EMAIL_PREFERENCES = ['immediate', 'daily', 'off'] as const;
export type EmailPreference = (typeof EMAIL_PREFERENCES)[number];
export const DEFAULT_EMAIL_PREFERENCE: EmailPreference = 'daily';

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  /** In the recipient's language, written when the notification was made. */
  title: string;
  body: string;
  /** A path of the web app (`/commitments/…`), relative to its origin. */
  link: string;
  createdAt: IsoInstant;
  readAt: IsoInstant | null;
}

/** `GET /api/notifications`: a page of the caller's notifications and how many are unread in all. */
export interface NotificationPage {
  items: NotificationItem[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

export interface NotificationListQuery {
  unread?: boolean;
  page?: number;
  pageSize?: number;
}

/** `POST /api/notifications/read`: some by id, or every one of the caller's. */
export interface MarkNotificationsReadRequest {
  ids?: string[];
  all?: boolean;
}

export interface MarkNotificationsReadResult {
  /** How many changed from unread to read. */
  marked: number;
  unread: number;
}

export interface NotificationSettings {
  email: EmailPreference;
}

export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** One mail of the outbox, as admins read it. */
export interface OutboxItem {
  id: string;
  to: string;
  subject: string;
  text: string;
  language: string;
  status: MailStatus;
  attempts: number;
  createdAt: IsoInstant;
  sentAt: IsoInstant | null;
  error: string | null;
}

export interface OutboxListQuery {
  status?: MailStatus;
  page?: number;
  pageSize?: number;
}

export interface RunRemindersRequest {
  /** The day to run the rules for (UTC); today when absent. */
  asOf?: IsoDate;
}

/** What one run of the daily rules did: new notifications per rule, and mails queued. */
export interface ReminderRunResult {
  asOf: IsoDate;
  notifications: Record<ReminderKind, number>;
  /** Immediate mails plus daily digests queued by this run. */
  mails: number;
}

import type { CommitmentStatus, FollowUpStatus } from './enums';

/** Today's date as YYYY-MM-DD in UTC, the calendar every "overdue" is judged by. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A follow-up is overdue when it is still open and its due date has passed. */
export function isFollowUpOverdue(f: { status: FollowUpStatus; dueDate: string | null }, today = todayIso()): boolean {
  return f.status === 'open' && f.dueDate !== null && f.dueDate < today;
}

/** A commitment is at risk when it is stalled, or still open work past its target date. */
export function isCommitmentAtRisk(c: { status: CommitmentStatus; targetDate: string | null }, today = todayIso()): boolean {
  if (c.status === 'stalled') return true;
  const open = c.status === 'pledged' || c.status === 'in_progress';
  return open && c.targetDate !== null && c.targetDate < today;
}

/** Commitment statuses that count as open work. */
export const OPEN_COMMITMENT_STATUSES: readonly CommitmentStatus[] = ['pledged', 'in_progress', 'stalled'];

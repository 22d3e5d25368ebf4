import { isFollowUpOverdue, type FollowUp, type FollowUpListItem } from '@impact/contracts';

/**
 * A follow-up's read model as one row: its columns (its hub among them), its owner's name, its
 * commitment's title, its engagement's title, and its city (already chosen by the query: the commitment's city, or
 * without a commitment the engagement's host city, else its place).
 */
export interface FollowUpReadRow extends Omit<FollowUpListItem, 'completedAt' | 'overdue'> {
  /** The driver hands timestamps over as dates; the contract speaks ISO text. */
  completedAt: Date | null;
}

/**
 * The contract shape of a follow-up's read row. Its city and hub are its commitment's; without one,
 * its engagement's (the host city, else the place); the hub is kept on the row.
 */
export function toFollowUpListItem(f: FollowUpReadRow): FollowUpListItem {
  return {
    id: f.id,
    commitmentId: f.commitmentId,
    engagementId: f.engagementId,
    title: f.title,
    kind: f.kind,
    ownerId: f.ownerId,
    dueDate: f.dueDate,
    status: f.status,
    completedAt: f.completedAt ? f.completedAt.toISOString() : null,
    note: f.note,
    overdue: isFollowUpOverdue(f),
    version: f.version,
    cityId: f.cityId,
    cityName: f.cityName,
    hubId: f.hubId,
    ownerName: f.ownerName,
    commitmentTitle: f.commitmentTitle,
    engagementTitle: f.engagementTitle,
  };
}

/** The record as the audit log compares it: no names, no derived facts. */
export function followUpRecord(f: FollowUpListItem): Omit<FollowUp, 'overdue'> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { cityId, cityName, hubId, ownerName, commitmentTitle, engagementTitle, overdue, ...followUp } = f;
  return followUp;
}

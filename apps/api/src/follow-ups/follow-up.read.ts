import { isFollowUpOverdue, type FollowUp, type FollowUpListItem } from '@impact/contracts';
import type { FollowUpEntity } from './follow-up.entity';

/**
 * The contract shape of a loaded follow-up (with its owner, its commitment and that commitment's city,
 * or its engagement and that engagement's host and place cities). Its city and hub are its
 * commitment's; without one, its engagement's (the host city, else the place).
 */
export function toFollowUpListItem(f: FollowUpEntity): FollowUpListItem {
  const c = f.commitment ?? null;
  const e = f.engagement ?? null;
  const city = c ? (c.city ?? null) : (e?.hostCity ?? e?.locationCity ?? null);
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
    cityId: city?.id ?? null,
    cityName: city?.name ?? null,
    hubId: c?.hubId ?? e?.hubId ?? '',
    ownerName: f.owner?.name ?? null,
    commitmentTitle: c?.title ?? null,
    engagementTitle: e?.title ?? null,
  };
}

/** The record as the audit log compares it: no names, no derived facts. */
export function followUpRecord(f: FollowUpListItem): Omit<FollowUp, 'overdue'> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { cityId, cityName, hubId, ownerName, commitmentTitle, engagementTitle, overdue, ...followUp } = f;
  return followUp;
}

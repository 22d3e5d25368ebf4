import type { ReminderKind } from '@impact/contracts';
import { activeUserSql as activeUser, commitmentOverdueSql, followUpInCitiesSql, followUpOverdueSql, isoDate, utcDay } from '../rules';

/**
 * The daily rules as SQL: each selects (recipient, record, key day, format arguments, link) for the
 * run's day `$1::date`. Recipients are active users who may read the record (a city liaison only
 * in its cities). Inserted set-based by the reminders repository, once per unique key.
 */
export interface ReminderRule {
  kind: ReminderKind;
  /** SELECT user_id, record_id, key_day, a1..a4, link. */
  sql: string;
}

const AS_OF = '$1::date';
const liaisonCities = (u: string) => `ARRAY(SELECT kcl.city_id FROM city_liaisons kcl WHERE kcl.user_id = ${u}.id)`;

/** Live follow-ups with their commitment or engagement, the place's name and the web link. */
const FOLLOW_UPS = `
  FROM follow_ups f
  LEFT JOIN commitments c ON c.id = f.commitment_id
  LEFT JOIN engagements e ON e.id = f.engagement_id
  LEFT JOIN cities ci ON ci.id = COALESCE(c.city_id, e.host_city_id, e.location_city_id)
  JOIN hubs h ON h.id = COALESCE(c.hub_id, e.hub_id)`;
const FOLLOW_UP_LIVE = `f.archived_at IS NULL AND (c.id IS NULL OR c.archived_at IS NULL) AND (e.id IS NULL OR e.archived_at IS NULL)`;
const FOLLOW_UP_COLUMNS = (keyDay: string) => `f.id AS record_id, ${keyDay} AS key_day, f.title AS a1, ${isoDate('f.due_date')} AS a2,
  abs(${AS_OF} - f.due_date)::text AS a3, COALESCE(ci.name, h.name) AS a4,
  CASE WHEN c.id IS NOT NULL THEN '/commitments/' || c.id ELSE '/engagements/' || e.id END AS link`;

/** To the follow-up's owner, when the owner may read it. */
const toFollowUpOwner = (condition: string, keyDay: string) => `
  SELECT u.id AS user_id, ${FOLLOW_UP_COLUMNS(keyDay)} ${FOLLOW_UPS}
  JOIN users u ON u.id = f.owner_id AND ${activeUser('u')}
  WHERE ${FOLLOW_UP_LIVE} AND ${condition}
    AND (u.role <> 'city_liaison' OR ${followUpInCitiesSql('c', 'e', liaisonCities('u'))})`;

/** To the managers of the follow-up's hub. */
const toFollowUpHubManagers = (condition: string, keyDay: string) => `
  SELECT u.id AS user_id, ${FOLLOW_UP_COLUMNS(keyDay)} ${FOLLOW_UPS}
  JOIN user_hubs uh ON uh.hub_id = h.id
  JOIN users u ON u.id = uh.user_id AND u.role = 'hub_manager' AND ${activeUser('u')}
  WHERE ${FOLLOW_UP_LIVE} AND ${condition}`;

/** When a stalled commitment last became stalled (UTC day). */
const STALLED_SINCE = `(SELECT max(${utcDay('ks.at')}) FROM commitment_status_changes ks WHERE ks.commitment_id = c.id AND ks.to_status = 'stalled')`;

/** To the commitment's owner (when it may read it) and its hub's managers, once. */
const toCommitmentOwnerAndManagers = (condition: string, day: string) => {
  const columns = `c.id AS record_id, ${day} AS key_day, c.title AS a1, ${isoDate(day)} AS a2, (${AS_OF} - ${day})::text AS a3, ci.name AS a4, '/commitments/' || c.id AS link`;
  const from = `FROM commitments c JOIN cities ci ON ci.id = c.city_id`;
  return `
  SELECT u.id AS user_id, ${columns} ${from}
  JOIN users u ON u.id = c.owner_id AND ${activeUser('u')}
  WHERE c.archived_at IS NULL AND ${condition} AND (u.role <> 'city_liaison' OR c.city_id = ANY(${liaisonCities('u')}))
  UNION
  SELECT u.id AS user_id, ${columns} ${from}
  JOIN user_hubs uh ON uh.hub_id = c.hub_id
  JOIN users u ON u.id = uh.user_id AND u.role = 'hub_manager' AND ${activeUser('u')}
  WHERE c.archived_at IS NULL AND ${condition}`;
};

export const REMINDER_RULES: readonly ReminderRule[] = [
  // Due in 7 days, and again in 1 day: once per due date.
  { kind: 'follow_up_due_soon', sql: toFollowUpOwner(`f.status = 'open' AND f.due_date = ${AS_OF} + 7`, 'f.due_date') },
  { kind: 'follow_up_due_tomorrow', sql: toFollowUpOwner(`f.status = 'open' AND f.due_date = ${AS_OF} + 1`, 'f.due_date') },
  // Overdue: every day while it stays open (the key's day is the run's), mailed in the daily digest.
  { kind: 'follow_up_overdue', sql: toFollowUpOwner(followUpOverdueSql('f', AS_OF), AS_OF) },
  // Overdue by 14 days or more: the hub's managers, once per due date.
  {
    kind: 'follow_up_escalated',
    sql: toFollowUpHubManagers(`${followUpOverdueSql('f', AS_OF)} AND f.due_date <= ${AS_OF} - 14`, 'f.due_date'),
  },
  // Past its target date and not achieved (nor cancelled): once per target date.
  { kind: 'commitment_past_target', sql: toCommitmentOwnerAndManagers(commitmentOverdueSql('c', AS_OF), 'c.target_date') },
  // Stalled for 30 days: once per time it became stalled.
  {
    kind: 'commitment_stalled',
    sql: toCommitmentOwnerAndManagers(`c.status = 'stalled' AND ${STALLED_SINCE} <= ${AS_OF} - 30`, STALLED_SINCE),
  },
];

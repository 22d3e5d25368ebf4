import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NOTIFICATION_MESSAGES } from '../notifications/notification-messages';
import { ReminderRunEntity } from './reminder-run.entity';
import type { ReminderRule } from './reminder-rules';

/** Every query of the reminder rules and of reminder_runs. */
@Injectable()
export class RemindersRepository {
  /**
   * Applies one rule for `asOf`: a notification per (rule, record, recipient, key day) that does not
   * exist yet, titled in the recipient's language, with the values it was worded from (read back in
   * whatever language the reader uses then). Raw SQL because it is one set-based
   * INSERT … SELECT … ON CONFLICT DO NOTHING, which QueryBuilder cannot say. The new ids.
   */
  async apply(m: EntityManager, rule: ReminderRule, asOf: string): Promise<string[]> {
    const rows = (await m.query(
      `INSERT INTO notifications (user_id, kind, record_id, key_day, title, body, link, args)
       SELECT r.user_id, $2::varchar, r.record_id, r.key_day,
              left(format(t.title, r.a1, r.a2, r.a3, r.a4), 300), format(t.body, r.a1, r.a2, r.a3, r.a4), r.link,
              jsonb_build_array(format('%s', r.a1), format('%s', r.a2), format('%s', r.a3), format('%s', r.a4))
         FROM (${rule.sql}) r
         JOIN users ru ON ru.id = r.user_id
         CROSS JOIN LATERAL (SELECT COALESCE($3::jsonb -> ru.language, $3::jsonb -> 'en') AS m) l
         CROSS JOIN LATERAL (SELECT l.m ->> 'title' AS title, l.m ->> 'body' AS body) t
        WHERE r.key_day IS NOT NULL
       ON CONFLICT (kind, record_id, user_id, key_day) DO NOTHING
       RETURNING id`,
      [asOf, rule.kind, JSON.stringify(NOTIFICATION_MESSAGES[rule.kind])],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** The schedule's claim on a day: true for the first instance to ask, false for every other. */
  async claimScheduledDay(m: EntityManager, day: string): Promise<boolean> {
    const result = await m
      .createQueryBuilder()
      .insert()
      .into(ReminderRunEntity)
      .values({ day, trigger: 'schedule' })
      .orIgnore()
      .returning(['day'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }

  async finishScheduledDay(m: EntityManager, day: string, result: Record<string, unknown>): Promise<void> {
    await m
      .createQueryBuilder()
      .update(ReminderRunEntity)
      .set({ finishedAt: () => 'now()', result: () => ':result::jsonb' })
      .where('day = :day', { day })
      .setParameter('result', JSON.stringify(result))
      .execute();
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follow-through: the mail outbox (a mail is written with the event that causes it, then sent by a
 * job), users' notifications with the unique key that makes every rule idempotent, notification
 * settings, and one row per day for the daily reminder run (claimed by the schedule, so it runs once).
 */
export class FollowThrough1764300000000 implements MigrationInterface {
  name = 'FollowThrough1764300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "mail_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dedupe_key" character varying(200) NOT NULL, "to_address" character varying(320) NOT NULL, "subject" character varying(300) NOT NULL, "text" text NOT NULL, "html" text NOT NULL, "language" character varying(2) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'queued', "error" text, "attempts" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "claimed_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_f98b21146dd23ba194f53d8a3d5" UNIQUE ("dedupe_key"), CONSTRAINT "PK_fecc63c96385bc35a39ccf2a72e" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_fdcc9a9fae0784a11963ea218a" ON "mail_outbox"  ("status", "created_at")`);
    await q.query(
      `CREATE TABLE "notification_settings" ("user_id" uuid NOT NULL, "email" character varying(16) NOT NULL DEFAULT 'daily', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_91a7ffebe8b406c4470845d4781" PRIMARY KEY ("user_id"))`,
    );
    await q.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "record_id" uuid NOT NULL, "key_day" date NOT NULL, "title" character varying(300) NOT NULL, "body" text NOT NULL, "link" character varying(500) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, "mailed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_310667f935698fcd8cb319113a" ON "notifications"  ("user_id", "created_at")`);
    await q.query(`CREATE UNIQUE INDEX "IDX_8ebba819356aadfc9583735502" ON "notifications"  ("kind", "record_id", "user_id", "key_day")`);
    await q.query(
      `CREATE TABLE "reminder_runs" ("day" date NOT NULL, "trigger" character varying(16) NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, "result" jsonb, CONSTRAINT "PK_7467a153693cc8ef923070b8e01" PRIMARY KEY ("day"))`,
    );
    await q.query(
      `ALTER TABLE "notification_settings" ADD CONSTRAINT "FK_91a7ffebe8b406c4470845d4781" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "reminder_runs"`);
    await q.query(`DROP TABLE "notifications"`);
    await q.query(`DROP TABLE "notification_settings"`);
    await q.query(`DROP TABLE "mail_outbox"`);
  }
}

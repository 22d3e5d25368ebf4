import { MigrationInterface, QueryRunner } from 'typeorm';

/** Links mailed to city contacts to confirm a follow-up without an account (only the token's hash is kept). */
export class ContactLinks1764500000000 implements MigrationInterface {
  name = 'ContactLinks1764500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "follow_up_contact_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "follow_up_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "email" character varying(254) NOT NULL, "language" character varying(2) NOT NULL, "token_hash" character varying(64) NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "answered_at" TIMESTAMP WITH TIME ZONE, "answer_done" boolean, "answer_note" text, "proposed_due_date" date, CONSTRAINT "UQ_follow_up_contact_links_token_hash" UNIQUE ("token_hash"), CONSTRAINT "PK_follow_up_contact_links" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_follow_up_contact_links_follow_up" ON "follow_up_contact_links" ("follow_up_id")`);
    await q.query(
      `ALTER TABLE "follow_up_contact_links" ADD CONSTRAINT "FK_follow_up_contact_links_follow_up" FOREIGN KEY ("follow_up_id") REFERENCES "follow_ups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "follow_up_contact_links" ADD CONSTRAINT "FK_follow_up_contact_links_created_by" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "follow_up_contact_links"`);
  }
}

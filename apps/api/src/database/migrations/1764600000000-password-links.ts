import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Set-password links (invitations and resets): only the token's hash is kept, each is spent once.
 * An invited user has no password yet: its hash is the empty string, which no password verifies against.
 */
export class PasswordLinks1764600000000 implements MigrationInterface {
  name = 'PasswordLinks1764600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "password_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" character varying(8) NOT NULL, "language" character varying(2) NOT NULL, "token_hash" character varying(64) NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_password_links_token_hash" UNIQUE ("token_hash"), CONSTRAINT "PK_password_links" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_password_links_user" ON "password_links" ("user_id")`);
    await q.query(
      `ALTER TABLE "password_links" ADD CONSTRAINT "FK_password_links_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "password_links" ADD CONSTRAINT "FK_password_links_created_by" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "password_links"`);
  }
}

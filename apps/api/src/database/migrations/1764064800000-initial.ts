import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole schema of the first release. Tables, indexes and keys were generated from the entities
 * (apps/api/tools/schema-diff.ts) and are checked against them by schema.int-spec.ts; the extensions,
 * trigram indexes and the append-only trigger of audit_log are written by hand.
 */
export class Initial1764064800000 implements MigrationInterface {
  name = 'Initial1764064800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS citext`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "entity" character varying(64) NOT NULL, "entity_id" uuid NOT NULL, "action" character varying(64) NOT NULL, "changes" jsonb, "note" text, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ba27cef5b8b2b1a756e06ebcc5" ON "audit_log" ("at")`);
    await queryRunner.query(`CREATE INDEX "IDX_15a6f5aad57db494c17986ed2e" ON "audit_log" ("actor_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_40c0e9a60edcd0f680b0e94b60" ON "audit_log" ("entity", "entity_id")`);
    await queryRunner.query(
      `CREATE TABLE "hubs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "archived_at" TIMESTAMP WITH TIME ZONE, "code" character varying(32) NOT NULL, "name" character varying(200) NOT NULL, CONSTRAINT "UQ_a5b22a077572b2ebcff8be166e2" UNIQUE ("code"), CONSTRAINT "PK_44b53d1f2b4568b26ce4710b843" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "cities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "archived_at" TIMESTAMP WITH TIME ZONE, "name" character varying(200) NOT NULL, "country_code" character(2) NOT NULL, "hub_id" uuid NOT NULL, "kind" character varying(32) NOT NULL DEFAULT 'city', "membership_status" character varying(32) NOT NULL DEFAULT 'member', "member_since" date, "lead_official" character varying(200), "latitude" double precision, "longitude" double precision, CONSTRAINT "PK_4762ffb6e5d198cfec5606bc11e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_36b7590678c98e71c292f33839" ON "cities" ("country_code")`);
    await queryRunner.query(`CREATE INDEX "IDX_41ceda958334d01f26e431b1e2" ON "cities" ("hub_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_e01f2d4adb84c968cadb6c022a" ON "cities" ("membership_status")`);
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "archived_at" TIMESTAMP WITH TIME ZONE, "email" citext NOT NULL, "name" character varying(200) NOT NULL, "role" character varying(32) NOT NULL, "password_hash" character varying(255) NOT NULL, "active" boolean NOT NULL DEFAULT true, "language" character varying(2) NOT NULL DEFAULT 'en', "token_version" integer NOT NULL DEFAULT '0', CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ace513fa30d485cfd25c11a9e4" ON "users" ("role")`);
    await queryRunner.query(
      `CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" character varying(128) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a7838d2ba25be1342091b6695f1" UNIQUE ("token_hash"), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3ddc983c5f7bcf132fd8732c3f" ON "refresh_tokens" ("user_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_d5e27da0cd39bc3bb2811fc8ba" ON "refresh_tokens" ("family_id")`);
    await queryRunner.query(
      `CREATE TABLE "partners" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "archived_at" TIMESTAMP WITH TIME ZONE, "name" character varying(200) NOT NULL, "kind" character varying(32) NOT NULL DEFAULT 'other', "country_code" character(2), CONSTRAINT "PK_998645b20820e4ab99aeae03b41" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "engagements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "archived_at" TIMESTAMP WITH TIME ZONE, "title" character varying(300) NOT NULL, "type" character varying(32) NOT NULL, "hub_id" uuid NOT NULL, "start_date" date NOT NULL, "end_date" date, "location_city_id" uuid, "online" boolean NOT NULL DEFAULT false, "host_city_id" uuid, "summary" text NOT NULL DEFAULT '', "evidence_links" text array NOT NULL DEFAULT '{}', "participants_total" integer NOT NULL DEFAULT '0', "participants_mayors" integer NOT NULL DEFAULT '0', "participants_officials" integer NOT NULL DEFAULT '0', "participants_youth" integer NOT NULL DEFAULT '0', "participants_women" integer NOT NULL DEFAULT '0', "participants_community_leaders" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_aec8c95c82a37a5791001cdb9ae" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2c6708404a3c9c9c62e040d597" ON "engagements" ("type")`);
    await queryRunner.query(`CREATE INDEX "IDX_f989cc2a148ca44a3c445a9ed9" ON "engagements" ("hub_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_dbc17a98132ba2e15b576b71cd" ON "engagements" ("start_date")`);
    await queryRunner.query(`CREATE INDEX "IDX_4ae2972724dfb3be333495dbff" ON "engagements" ("location_city_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_38ef1a561f8bd22c75a0847ef2" ON "engagements" ("host_city_id")`);
    await queryRunner.query(
      `CREATE TABLE "commitments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "archived_at" TIMESTAMP WITH TIME ZONE, "title" character varying(300) NOT NULL, "kind" character varying(32) NOT NULL, "city_id" uuid NOT NULL, "hub_id" uuid NOT NULL, "owner_id" uuid, "target_date" date, "progress" smallint NOT NULL DEFAULT '0', "status" character varying(32) NOT NULL DEFAULT 'pledged', "description" text NOT NULL DEFAULT '', CONSTRAINT "PK_82060edcfe810ce82b7565521af" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9062ef8d8f984e39831a2f354d" ON "commitments" ("kind")`);
    await queryRunner.query(`CREATE INDEX "IDX_6e10b553b60dac3b8e65e2086f" ON "commitments" ("city_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_37c7ccdfbbbf0ebecbf4a9a696" ON "commitments" ("hub_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_28bc6dd9ffe495213c049a2fb4" ON "commitments" ("owner_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_4b64284444d0352eaf32effbd2" ON "commitments" ("target_date")`);
    await queryRunner.query(`CREATE INDEX "IDX_e1bb1b1121b4b675111d82d779" ON "commitments" ("status")`);
    await queryRunner.query(
      `CREATE TABLE "commitment_status_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "commitment_id" uuid NOT NULL, "from_status" character varying(32), "to_status" character varying(32) NOT NULL, "actor_id" uuid, "note" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1786dcbc68c83a44f2df4af5fc3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_1babbb77f4c8d017711096ea7f" ON "commitment_status_changes" ("commitment_id")`);
    await queryRunner.query(
      `CREATE TABLE "follow_ups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "archived_at" TIMESTAMP WITH TIME ZONE, "commitment_id" uuid, "engagement_id" uuid, "title" character varying(300) NOT NULL, "kind" character varying(32) NOT NULL, "owner_id" uuid, "due_date" date, "status" character varying(32) NOT NULL DEFAULT 'open', "completed_at" TIMESTAMP WITH TIME ZONE, "note" text, CONSTRAINT "PK_d510aabdff2ec7fdc67a1092157" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_96f03300607c441c65877df966" ON "follow_ups" ("commitment_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_2034d6dd07272887c04527a085" ON "follow_ups" ("engagement_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_ff46329774a867f6714d1ed2ec" ON "follow_ups" ("owner_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_22021d28b0e9557adee6cb26ab" ON "follow_ups" ("due_date")`);
    await queryRunner.query(`CREATE INDEX "IDX_c3b2178eb64e7b38617f431e23" ON "follow_ups" ("status")`);
    await queryRunner.query(
      `CREATE TABLE "outcomes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "archived_at" TIMESTAMP WITH TIME ZONE, "commitment_id" uuid, "city_id" uuid NOT NULL, "date" date NOT NULL, "type" character varying(32) NOT NULL, "value" double precision, "unit" character varying(100), "description" text NOT NULL DEFAULT '', "evidence_url" character varying(2000), "verified_by_id" uuid, "verified_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f5b8391e8300f8962eb1842dfca" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ccd00dde199b536515e05fe284" ON "outcomes" ("commitment_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_2b9363a540d4bca288c6cdb9bc" ON "outcomes" ("city_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_d6a5eeef3c32841bd48b3ec6f5" ON "outcomes" ("date")`);
    await queryRunner.query(`CREATE INDEX "IDX_8296bbd50f45efdaa8fad71377" ON "outcomes" ("type")`);
    await queryRunner.query(
      `CREATE TABLE "stories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "archived_at" TIMESTAMP WITH TIME ZONE, "title" character varying(300) NOT NULL, "category" character varying(32) NOT NULL, "hub_id" uuid NOT NULL, "body" text NOT NULL DEFAULT '', "quotes" jsonb NOT NULL DEFAULT '[]'::jsonb, "language" character varying(2) NOT NULL DEFAULT 'en', "translation_of_id" uuid, "status" character varying(32) NOT NULL DEFAULT 'draft', "author_id" uuid NOT NULL, "approved_by_id" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "sensitivity_consent_for_named_people" boolean NOT NULL DEFAULT false, "sensitivity_no_details_exposing_individuals" boolean NOT NULL DEFAULT false, "sensitivity_city_agreed_to_publication" boolean NOT NULL DEFAULT false, "sensitivity_confirmed_by_id" uuid, "sensitivity_confirmed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_bb6f880b260ed96c452b32a39f0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_df5759fef31bb44040cde67233" ON "stories" ("category")`);
    await queryRunner.query(`CREATE INDEX "IDX_5709f38706c18065d93c089862" ON "stories" ("hub_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_4033eadd4ad54d43cf48c75767" ON "stories" ("language")`);
    await queryRunner.query(`CREATE INDEX "IDX_74363f520759d3e0bbf06785a7" ON "stories" ("translation_of_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_f4db74cea8a693da5be9926e64" ON "stories" ("status")`);
    await queryRunner.query(`CREATE INDEX "IDX_1e6ca6b1e366a7575873f2d1c3" ON "stories" ("author_id")`);
    await queryRunner.query(
      `CREATE TABLE "city_liaisons" ("city_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_0a7fb9b2519c57a2a60db3be355" PRIMARY KEY ("city_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_99418bf7177962a174413d25cc" ON "city_liaisons" ("city_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_e93fcad316f2373a5515da0e74" ON "city_liaisons" ("user_id")`);
    await queryRunner.query(
      `CREATE TABLE "user_hubs" ("user_id" uuid NOT NULL, "hub_id" uuid NOT NULL, CONSTRAINT "PK_528c62b69a5b04034553646b375" PRIMARY KEY ("user_id", "hub_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_269ba071ebc7692c95b387024c" ON "user_hubs" ("user_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_7f529182f8b5ed0b020f4d8da0" ON "user_hubs" ("hub_id")`);
    await queryRunner.query(
      `CREATE TABLE "engagement_cities" ("engagement_id" uuid NOT NULL, "city_id" uuid NOT NULL, CONSTRAINT "PK_6eb65d42e20b002b0a6c43615c9" PRIMARY KEY ("engagement_id", "city_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_77dd727fd97a4489aef9eadd9d" ON "engagement_cities" ("engagement_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_84ed27136720c892d516a5921f" ON "engagement_cities" ("city_id")`);
    await queryRunner.query(
      `CREATE TABLE "engagement_partners" ("engagement_id" uuid NOT NULL, "partner_id" uuid NOT NULL, CONSTRAINT "PK_92b7a61f490b83b41f248b6c854" PRIMARY KEY ("engagement_id", "partner_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_32e7764fa655719ef663311b95" ON "engagement_partners" ("engagement_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_e50b33c294538ef469ef9f7b1b" ON "engagement_partners" ("partner_id")`);
    await queryRunner.query(
      `CREATE TABLE "commitment_engagements" ("commitment_id" uuid NOT NULL, "engagement_id" uuid NOT NULL, CONSTRAINT "PK_8c7726b45a07e77e21868c489d9" PRIMARY KEY ("commitment_id", "engagement_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_0afae6ad0cae465c8f02310319" ON "commitment_engagements" ("commitment_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_db6d74dc27b0f8429031f40b4c" ON "commitment_engagements" ("engagement_id")`);
    await queryRunner.query(
      `CREATE TABLE "commitment_partners" ("commitment_id" uuid NOT NULL, "partner_id" uuid NOT NULL, CONSTRAINT "PK_596eaf39a3fe7a0f1ea59c7ab9b" PRIMARY KEY ("commitment_id", "partner_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_1600fc78062030746df7a20a53" ON "commitment_partners" ("commitment_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_6db7d3eeacca8857f5b154e10d" ON "commitment_partners" ("partner_id")`);
    await queryRunner.query(
      `CREATE TABLE "story_cities" ("story_id" uuid NOT NULL, "city_id" uuid NOT NULL, CONSTRAINT "PK_40d26436e7a362ffed7b96ee240" PRIMARY KEY ("story_id", "city_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_25fbc33c511580fb86b898661f" ON "story_cities" ("story_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_7e7fd5fa6122991a555a970c1d" ON "story_cities" ("city_id")`);
    await queryRunner.query(
      `CREATE TABLE "story_engagements" ("story_id" uuid NOT NULL, "engagement_id" uuid NOT NULL, CONSTRAINT "PK_44777f73ecb3d7c1a0588919ba5" PRIMARY KEY ("story_id", "engagement_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_840845334c23abbff28ab52924" ON "story_engagements" ("story_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_30d9381957b17162ee12f74eaa" ON "story_engagements" ("engagement_id")`);
    await queryRunner.query(
      `CREATE TABLE "story_commitments" ("story_id" uuid NOT NULL, "commitment_id" uuid NOT NULL, CONSTRAINT "PK_7801e2b43abdf5e6d10071ee827" PRIMARY KEY ("story_id", "commitment_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a0c43669087c8aeb2bb1622216" ON "story_commitments" ("story_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_0a7546949b2aa71f608d27e167" ON "story_commitments" ("commitment_id")`);
    await queryRunner.query(
      `CREATE TABLE "story_outcomes" ("story_id" uuid NOT NULL, "outcome_id" uuid NOT NULL, CONSTRAINT "PK_09081d488fed4f33ba52f86c7c7" PRIMARY KEY ("story_id", "outcome_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_4ac79419cff35588ae6a88d572" ON "story_outcomes" ("story_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_2259a100c1e8fbc3f8fe91dbf3" ON "story_outcomes" ("outcome_id")`);
    await queryRunner.query(
      `ALTER TABLE "cities" ADD CONSTRAINT "FK_41ceda958334d01f26e431b1e20" FOREIGN KEY ("hub_id") REFERENCES "hubs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_tokens" ADD CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "engagements" ADD CONSTRAINT "FK_f989cc2a148ca44a3c445a9ed90" FOREIGN KEY ("hub_id") REFERENCES "hubs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "engagements" ADD CONSTRAINT "FK_4ae2972724dfb3be333495dbff0" FOREIGN KEY ("location_city_id") REFERENCES "cities"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "engagements" ADD CONSTRAINT "FK_38ef1a561f8bd22c75a0847ef2b" FOREIGN KEY ("host_city_id") REFERENCES "cities"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "commitments" ADD CONSTRAINT "FK_6e10b553b60dac3b8e65e2086f3" FOREIGN KEY ("city_id") REFERENCES "cities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "commitments" ADD CONSTRAINT "FK_37c7ccdfbbbf0ebecbf4a9a6961" FOREIGN KEY ("hub_id") REFERENCES "hubs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "commitments" ADD CONSTRAINT "FK_28bc6dd9ffe495213c049a2fb47" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "commitment_status_changes" ADD CONSTRAINT "FK_1babbb77f4c8d017711096ea7fd" FOREIGN KEY ("commitment_id") REFERENCES "commitments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "commitment_status_changes" ADD CONSTRAINT "FK_8a1c63145f528e62d5278dba344" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "FK_96f03300607c441c65877df966b" FOREIGN KEY ("commitment_id") REFERENCES "commitments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "FK_2034d6dd07272887c04527a0857" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "FK_ff46329774a867f6714d1ed2ecd" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outcomes" ADD CONSTRAINT "FK_ccd00dde199b536515e05fe284e" FOREIGN KEY ("commitment_id") REFERENCES "commitments"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outcomes" ADD CONSTRAINT "FK_2b9363a540d4bca288c6cdb9bc2" FOREIGN KEY ("city_id") REFERENCES "cities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outcomes" ADD CONSTRAINT "FK_e502296a0330863d054d8003e3a" FOREIGN KEY ("verified_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stories" ADD CONSTRAINT "FK_5709f38706c18065d93c0898620" FOREIGN KEY ("hub_id") REFERENCES "hubs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stories" ADD CONSTRAINT "FK_74363f520759d3e0bbf06785a78" FOREIGN KEY ("translation_of_id") REFERENCES "stories"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stories" ADD CONSTRAINT "FK_1e6ca6b1e366a7575873f2d1c30" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stories" ADD CONSTRAINT "FK_833aad8dea65dba27fd8c79c148" FOREIGN KEY ("approved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "city_liaisons" ADD CONSTRAINT "FK_99418bf7177962a174413d25cce" FOREIGN KEY ("city_id") REFERENCES "cities"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "city_liaisons" ADD CONSTRAINT "FK_e93fcad316f2373a5515da0e747" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_hubs" ADD CONSTRAINT "FK_269ba071ebc7692c95b387024ca" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_hubs" ADD CONSTRAINT "FK_7f529182f8b5ed0b020f4d8da06" FOREIGN KEY ("hub_id") REFERENCES "hubs"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "engagement_cities" ADD CONSTRAINT "FK_77dd727fd97a4489aef9eadd9d0" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "engagement_cities" ADD CONSTRAINT "FK_84ed27136720c892d516a5921fa" FOREIGN KEY ("city_id") REFERENCES "cities"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "engagement_partners" ADD CONSTRAINT "FK_32e7764fa655719ef663311b958" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "engagement_partners" ADD CONSTRAINT "FK_e50b33c294538ef469ef9f7b1b4" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "commitment_engagements" ADD CONSTRAINT "FK_0afae6ad0cae465c8f02310319b" FOREIGN KEY ("commitment_id") REFERENCES "commitments"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "commitment_engagements" ADD CONSTRAINT "FK_db6d74dc27b0f8429031f40b4c3" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "commitment_partners" ADD CONSTRAINT "FK_1600fc78062030746df7a20a53a" FOREIGN KEY ("commitment_id") REFERENCES "commitments"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "commitment_partners" ADD CONSTRAINT "FK_6db7d3eeacca8857f5b154e10d9" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "story_cities" ADD CONSTRAINT "FK_25fbc33c511580fb86b898661f5" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "story_cities" ADD CONSTRAINT "FK_7e7fd5fa6122991a555a970c1dc" FOREIGN KEY ("city_id") REFERENCES "cities"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "story_engagements" ADD CONSTRAINT "FK_840845334c23abbff28ab529248" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "story_engagements" ADD CONSTRAINT "FK_30d9381957b17162ee12f74eaac" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "story_commitments" ADD CONSTRAINT "FK_a0c43669087c8aeb2bb16222165" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "story_commitments" ADD CONSTRAINT "FK_0a7546949b2aa71f608d27e167e" FOREIGN KEY ("commitment_id") REFERENCES "commitments"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "story_outcomes" ADD CONSTRAINT "FK_4ac79419cff35588ae6a88d572c" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "story_outcomes" ADD CONSTRAINT "FK_2259a100c1e8fbc3f8fe91dbf3d" FOREIGN KEY ("outcome_id") REFERENCES "outcomes"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );

    // Text search: trigram indexes serve ILIKE '%…%' on names, titles and summaries.
    await queryRunner.query(`CREATE INDEX "IDX_cities_name_trgm" ON "cities" USING gin ("name" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "IDX_partners_name_trgm" ON "partners" USING gin ("name" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "IDX_engagements_title_trgm" ON "engagements" USING gin ("title" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "IDX_engagements_summary_trgm" ON "engagements" USING gin ("summary" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "IDX_commitments_title_trgm" ON "commitments" USING gin ("title" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "IDX_commitments_description_trgm" ON "commitments" USING gin ("description" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "IDX_outcomes_description_trgm" ON "outcomes" USING gin ("description" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "IDX_stories_title_trgm" ON "stories" USING gin ("title" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "IDX_stories_body_trgm" ON "stories" USING gin ("body" gin_trgm_ops)`);

    // The audit log is append-only for every role, owners and superusers included.
    await queryRunner.query(`CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
    $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS audit_log_no_truncate ON "audit_log"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS audit_log_no_update_delete ON "audit_log"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS audit_log_refuse_change()`);
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_cities_name_trgm"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_partners_name_trgm"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_engagements_title_trgm"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_engagements_summary_trgm"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_commitments_title_trgm"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_commitments_description_trgm"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_outcomes_description_trgm"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_stories_title_trgm"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_stories_body_trgm"`);
    await queryRunner.query(`ALTER TABLE "story_outcomes" DROP CONSTRAINT "FK_2259a100c1e8fbc3f8fe91dbf3d"`);
    await queryRunner.query(`ALTER TABLE "story_outcomes" DROP CONSTRAINT "FK_4ac79419cff35588ae6a88d572c"`);
    await queryRunner.query(`ALTER TABLE "story_commitments" DROP CONSTRAINT "FK_0a7546949b2aa71f608d27e167e"`);
    await queryRunner.query(`ALTER TABLE "story_commitments" DROP CONSTRAINT "FK_a0c43669087c8aeb2bb16222165"`);
    await queryRunner.query(`ALTER TABLE "story_engagements" DROP CONSTRAINT "FK_30d9381957b17162ee12f74eaac"`);
    await queryRunner.query(`ALTER TABLE "story_engagements" DROP CONSTRAINT "FK_840845334c23abbff28ab529248"`);
    await queryRunner.query(`ALTER TABLE "story_cities" DROP CONSTRAINT "FK_7e7fd5fa6122991a555a970c1dc"`);
    await queryRunner.query(`ALTER TABLE "story_cities" DROP CONSTRAINT "FK_25fbc33c511580fb86b898661f5"`);
    await queryRunner.query(`ALTER TABLE "commitment_partners" DROP CONSTRAINT "FK_6db7d3eeacca8857f5b154e10d9"`);
    await queryRunner.query(`ALTER TABLE "commitment_partners" DROP CONSTRAINT "FK_1600fc78062030746df7a20a53a"`);
    await queryRunner.query(`ALTER TABLE "commitment_engagements" DROP CONSTRAINT "FK_db6d74dc27b0f8429031f40b4c3"`);
    await queryRunner.query(`ALTER TABLE "commitment_engagements" DROP CONSTRAINT "FK_0afae6ad0cae465c8f02310319b"`);
    await queryRunner.query(`ALTER TABLE "engagement_partners" DROP CONSTRAINT "FK_e50b33c294538ef469ef9f7b1b4"`);
    await queryRunner.query(`ALTER TABLE "engagement_partners" DROP CONSTRAINT "FK_32e7764fa655719ef663311b958"`);
    await queryRunner.query(`ALTER TABLE "engagement_cities" DROP CONSTRAINT "FK_84ed27136720c892d516a5921fa"`);
    await queryRunner.query(`ALTER TABLE "engagement_cities" DROP CONSTRAINT "FK_77dd727fd97a4489aef9eadd9d0"`);
    await queryRunner.query(`ALTER TABLE "user_hubs" DROP CONSTRAINT "FK_7f529182f8b5ed0b020f4d8da06"`);
    await queryRunner.query(`ALTER TABLE "user_hubs" DROP CONSTRAINT "FK_269ba071ebc7692c95b387024ca"`);
    await queryRunner.query(`ALTER TABLE "city_liaisons" DROP CONSTRAINT "FK_e93fcad316f2373a5515da0e747"`);
    await queryRunner.query(`ALTER TABLE "city_liaisons" DROP CONSTRAINT "FK_99418bf7177962a174413d25cce"`);
    await queryRunner.query(`ALTER TABLE "stories" DROP CONSTRAINT "FK_833aad8dea65dba27fd8c79c148"`);
    await queryRunner.query(`ALTER TABLE "stories" DROP CONSTRAINT "FK_1e6ca6b1e366a7575873f2d1c30"`);
    await queryRunner.query(`ALTER TABLE "stories" DROP CONSTRAINT "FK_74363f520759d3e0bbf06785a78"`);
    await queryRunner.query(`ALTER TABLE "stories" DROP CONSTRAINT "FK_5709f38706c18065d93c0898620"`);
    await queryRunner.query(`ALTER TABLE "outcomes" DROP CONSTRAINT "FK_e502296a0330863d054d8003e3a"`);
    await queryRunner.query(`ALTER TABLE "outcomes" DROP CONSTRAINT "FK_2b9363a540d4bca288c6cdb9bc2"`);
    await queryRunner.query(`ALTER TABLE "outcomes" DROP CONSTRAINT "FK_ccd00dde199b536515e05fe284e"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "FK_ff46329774a867f6714d1ed2ecd"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "FK_2034d6dd07272887c04527a0857"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "FK_96f03300607c441c65877df966b"`);
    await queryRunner.query(`ALTER TABLE "commitment_status_changes" DROP CONSTRAINT "FK_8a1c63145f528e62d5278dba344"`);
    await queryRunner.query(`ALTER TABLE "commitment_status_changes" DROP CONSTRAINT "FK_1babbb77f4c8d017711096ea7fd"`);
    await queryRunner.query(`ALTER TABLE "commitments" DROP CONSTRAINT "FK_28bc6dd9ffe495213c049a2fb47"`);
    await queryRunner.query(`ALTER TABLE "commitments" DROP CONSTRAINT "FK_37c7ccdfbbbf0ebecbf4a9a6961"`);
    await queryRunner.query(`ALTER TABLE "commitments" DROP CONSTRAINT "FK_6e10b553b60dac3b8e65e2086f3"`);
    await queryRunner.query(`ALTER TABLE "engagements" DROP CONSTRAINT "FK_38ef1a561f8bd22c75a0847ef2b"`);
    await queryRunner.query(`ALTER TABLE "engagements" DROP CONSTRAINT "FK_4ae2972724dfb3be333495dbff0"`);
    await queryRunner.query(`ALTER TABLE "engagements" DROP CONSTRAINT "FK_f989cc2a148ca44a3c445a9ed90"`);
    await queryRunner.query(`ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4"`);
    await queryRunner.query(`ALTER TABLE "cities" DROP CONSTRAINT "FK_41ceda958334d01f26e431b1e20"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2259a100c1e8fbc3f8fe91dbf3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4ac79419cff35588ae6a88d572"`);
    await queryRunner.query(`DROP TABLE "story_outcomes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0a7546949b2aa71f608d27e167"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a0c43669087c8aeb2bb1622216"`);
    await queryRunner.query(`DROP TABLE "story_commitments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_30d9381957b17162ee12f74eaa"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_840845334c23abbff28ab52924"`);
    await queryRunner.query(`DROP TABLE "story_engagements"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7e7fd5fa6122991a555a970c1d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_25fbc33c511580fb86b898661f"`);
    await queryRunner.query(`DROP TABLE "story_cities"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6db7d3eeacca8857f5b154e10d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1600fc78062030746df7a20a53"`);
    await queryRunner.query(`DROP TABLE "commitment_partners"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_db6d74dc27b0f8429031f40b4c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0afae6ad0cae465c8f02310319"`);
    await queryRunner.query(`DROP TABLE "commitment_engagements"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e50b33c294538ef469ef9f7b1b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_32e7764fa655719ef663311b95"`);
    await queryRunner.query(`DROP TABLE "engagement_partners"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_84ed27136720c892d516a5921f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_77dd727fd97a4489aef9eadd9d"`);
    await queryRunner.query(`DROP TABLE "engagement_cities"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7f529182f8b5ed0b020f4d8da0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_269ba071ebc7692c95b387024c"`);
    await queryRunner.query(`DROP TABLE "user_hubs"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e93fcad316f2373a5515da0e74"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_99418bf7177962a174413d25cc"`);
    await queryRunner.query(`DROP TABLE "city_liaisons"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1e6ca6b1e366a7575873f2d1c3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f4db74cea8a693da5be9926e64"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_74363f520759d3e0bbf06785a7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4033eadd4ad54d43cf48c75767"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5709f38706c18065d93c089862"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_df5759fef31bb44040cde67233"`);
    await queryRunner.query(`DROP TABLE "stories"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8296bbd50f45efdaa8fad71377"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d6a5eeef3c32841bd48b3ec6f5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2b9363a540d4bca288c6cdb9bc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ccd00dde199b536515e05fe284"`);
    await queryRunner.query(`DROP TABLE "outcomes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c3b2178eb64e7b38617f431e23"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_22021d28b0e9557adee6cb26ab"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ff46329774a867f6714d1ed2ec"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2034d6dd07272887c04527a085"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_96f03300607c441c65877df966"`);
    await queryRunner.query(`DROP TABLE "follow_ups"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1babbb77f4c8d017711096ea7f"`);
    await queryRunner.query(`DROP TABLE "commitment_status_changes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e1bb1b1121b4b675111d82d779"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4b64284444d0352eaf32effbd2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_28bc6dd9ffe495213c049a2fb4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_37c7ccdfbbbf0ebecbf4a9a696"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6e10b553b60dac3b8e65e2086f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9062ef8d8f984e39831a2f354d"`);
    await queryRunner.query(`DROP TABLE "commitments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_38ef1a561f8bd22c75a0847ef2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4ae2972724dfb3be333495dbff"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dbc17a98132ba2e15b576b71cd"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f989cc2a148ca44a3c445a9ed9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2c6708404a3c9c9c62e040d597"`);
    await queryRunner.query(`DROP TABLE "engagements"`);
    await queryRunner.query(`DROP TABLE "partners"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d5e27da0cd39bc3bb2811fc8ba"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3ddc983c5f7bcf132fd8732c3f"`);
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ace513fa30d485cfd25c11a9e4"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e01f2d4adb84c968cadb6c022a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_41ceda958334d01f26e431b1e2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_36b7590678c98e71c292f33839"`);
    await queryRunner.query(`DROP TABLE "cities"`);
    await queryRunner.query(`DROP TABLE "hubs"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_40c0e9a60edcd0f680b0e94b60"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_15a6f5aad57db494c17986ed2e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ba27cef5b8b2b1a756e06ebcc5"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}

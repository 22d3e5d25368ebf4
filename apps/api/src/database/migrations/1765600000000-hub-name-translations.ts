import { MigrationInterface, QueryRunner } from 'typeorm';

/** The five network hubs' names in French, Arabic and Spanish (English is the name of record). */
export const HUB_NAME_TRANSLATIONS: Record<string, Record<'en' | 'fr' | 'ar' | 'es', string>> = {
  esa: { en: 'East & Southern Africa', fr: 'Afrique de l’Est et australe', ar: 'شرق وجنوب أفريقيا', es: 'África Oriental y Austral' },
  mena: {
    en: 'Middle East & North Africa',
    fr: 'Moyen-Orient et Afrique du Nord',
    ar: 'الشرق الأوسط وشمال أفريقيا',
    es: 'Oriente Medio y Norte de África',
  },
  'south-asia': { en: 'South Asia', fr: 'Asie du Sud', ar: 'جنوب آسيا', es: 'Asia del Sur' },
  balkans: { en: 'Western Balkans', fr: 'Balkans occidentaux', ar: 'غرب البلقان', es: 'Balcanes Occidentales' },
  europe: {
    en: 'Europe & North America',
    fr: 'Europe et Amérique du Nord',
    ar: 'أوروبا وأمريكا الشمالية',
    es: 'Europa y América del Norte',
  },
};

/**
 * Hub names by language, stored with the hub (`name` stays the name of record). Existing hubs with a
 * network code get their translations; an admin can set or change them through the hubs route.
 */
export class HubNameTranslations1765600000000 implements MigrationInterface {
  name = 'HubNameTranslations1765600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "hubs" ADD "name_i18n" jsonb NOT NULL DEFAULT '{}'::jsonb`);
    for (const [code, names] of Object.entries(HUB_NAME_TRANSLATIONS)) {
      await q.query(`UPDATE "hubs" SET "name_i18n" = $1::jsonb WHERE "code" = $2`, [JSON.stringify(names), code]);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "hubs" DROP COLUMN "name_i18n"`);
  }
}

import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../../auth/passwords';
import { CityEntity } from '../../cities/city.entity';
import { CommitmentStatusChangeEntity } from '../../commitments/commitment-status-change.entity';
import { CommitmentEntity } from '../../commitments/commitment.entity';
import { EngagementEntity } from '../../engagements/engagement.entity';
import { FollowUpEntity } from '../../follow-ups/follow-up.entity';
import { HubEntity } from '../../hubs/hub.entity';
import { OutcomeEntity } from '../../outcomes/outcome.entity';
import { PartnerEntity } from '../../partners/partner.entity';
import { UserEntity } from '../../users/user.entity';
import type { CommitmentStatus } from '@impact/contracts';
import {
  DEMO_CITIES,
  DEMO_COMMITMENTS,
  DEMO_ENGAGEMENTS,
  DEMO_FOLLOW_UPS,
  DEMO_HUBS,
  DEMO_OUTCOMES,
  DEMO_PARTNERS,
  DemoEngagement,
} from './demo-data';
import { DEMO_USERS } from './demo-sign-ins';
import { syntheticEngagements } from './synthetic-history';
import { seedDemoStories } from '../../stories/demo/seed-demo-stories';

export interface SeedSummary {
  hubs: number;
  cities: number;
  partners: number;
  users: number;
  engagements: number;
  commitments: number;
  followUps: number;
  outcomes: number;
}

/** True when the database holds no hubs and no users yet (a fresh install). */
export async function isDatabaseEmpty(dataSource: DataSource): Promise<boolean> {
  const [{ n }] = await dataSource.query('SELECT (SELECT count(*) FROM hubs) + (SELECT count(*) FROM users) AS n');
  return Number(n) === 0;
}

const at = (date: string) => new Date(`${date}T09:00:00Z`);

/** The status path a demo commitment walked to reach its current status. */
function statusPath(status: CommitmentStatus): CommitmentStatus[] {
  switch (status) {
    case 'pledged':
      return ['pledged'];
    case 'in_progress':
      return ['pledged', 'in_progress'];
    case 'achieved':
      return ['pledged', 'in_progress', 'achieved'];
    case 'stalled':
      return ['pledged', 'in_progress', 'stalled'];
    case 'cancelled':
      return ['pledged', 'cancelled'];
  }
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Loads the demo data set in one transaction. Call only on an empty database. */
export async function seedDemoData(dataSource: DataSource): Promise<SeedSummary> {
  // Hash outside the transaction: argon2 is slow on purpose.
  const hashes = new Map<string, string>();
  for (const password of new Set(DEMO_USERS.map((u) => u.password))) hashes.set(password, await hashPassword(password));

  return dataSource.transaction(async (m: EntityManager) => {
    const hubIds = new Map<string, string>();
    for (const hub of DEMO_HUBS) {
      const saved = await m.save(
        HubEntity,
        m.create(HubEntity, {
          code: hub.code,
          name: hub.name,
          names: hub.names,
          createdAt: at('2021-01-01'),
        }),
      );
      hubIds.set(hub.code, saved.id);
    }
    const hubId = (code: string) => hubIds.get(code) ?? fail(`hub ${code}`);

    const cityIds = new Map<string, string>();
    const cityHub = new Map<string, string>();
    for (const c of DEMO_CITIES) {
      const saved = await m.save(
        CityEntity,
        m.create(CityEntity, {
          name: c.name,
          countryCode: c.countryCode,
          hubId: hubId(c.hub),
          kind: c.kind,
          membershipStatus: c.membershipStatus,
          memberSince: c.memberSince,
          leadOfficial: c.leadOfficial,
          latitude: c.latitude,
          longitude: c.longitude,
          createdAt: at(c.memberSince ?? '2022-01-01'),
        }),
      );
      cityIds.set(c.key, saved.id);
      cityHub.set(c.key, c.hub);
    }
    const cityId = (key: string) => cityIds.get(key) ?? fail(`city ${key}`);

    const partnerIds = new Map<string, string>();
    for (const p of DEMO_PARTNERS) {
      const saved = await m.save(
        PartnerEntity,
        m.create(PartnerEntity, {
          name: p.name,
          kind: p.kind,
          countryCode: p.countryCode,
        }),
      );
      partnerIds.set(p.key, saved.id);
    }
    const partnerId = (key: string) => partnerIds.get(key) ?? fail(`partner ${key}`);

    const userIds = new Map<string, string>();
    const managerOfHub = new Map<string, string>();
    const liaisonOfCity = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const saved = await m.save(
        UserEntity,
        m.create(UserEntity, {
          email: u.email,
          name: u.name,
          role: u.role,
          passwordHash: hashes.get(u.password) ?? fail('hash'),
          active: true,
          language: 'en',
          hubs: u.hubs.map((h) => ({ id: hubId(h) }) as HubEntity),
        }),
      );
      userIds.set(u.email, saved.id);
      u.hubs.forEach((h) => managerOfHub.set(h, saved.id));
      for (const c of u.cities) {
        liaisonOfCity.set(c, saved.id);
        await m
          .createQueryBuilder()
          .insert()
          .into('city_liaisons')
          .values({ city_id: cityId(c), user_id: saved.id })
          .execute();
      }
    }

    const engagements: DemoEngagement[] = [
      ...DEMO_ENGAGEMENTS,
      ...syntheticEngagements(
        DEMO_CITIES,
        DEMO_HUBS.map((h) => h.code),
      ),
    ];
    const engagementIds = new Map<string, string>();
    for (const e of engagements) {
      const saved = await m.save(
        EngagementEntity,
        m.create(EngagementEntity, {
          title: e.title,
          type: e.type,
          hubId: hubId(e.hub),
          startDate: e.startDate,
          endDate: e.endDate ?? null,
          locationCityId: e.location ? cityId(e.location) : null,
          online: e.online ?? false,
          hostCityId: e.host ? cityId(e.host) : null,
          participatingCities: e.cities.map((c) => ({ id: cityId(c) }) as CityEntity),
          partners: (e.partners ?? []).map((p) => ({ id: partnerId(p) }) as PartnerEntity),
          participants: {
            total: e.participants.total ?? 0,
            mayors: e.participants.mayors ?? 0,
            officials: e.participants.officials ?? 0,
            youth: e.participants.youth ?? 0,
            women: e.participants.women ?? 0,
            communityLeaders: e.participants.communityLeaders ?? 0,
          },
          summary: e.summary,
          evidenceLinks: e.evidenceLinks ?? [],
          createdAt: at(e.startDate),
        }),
      );
      engagementIds.set(e.key, saved.id);
    }
    const engagementId = (key: string) => engagementIds.get(key) ?? fail(`engagement ${key}`);

    const commitmentIds = new Map<string, string>();
    for (const c of DEMO_COMMITMENTS) {
      const hub = cityHub.get(c.city) ?? fail(`city ${c.city}`);
      const ownerId = liaisonOfCity.get(c.city) ?? managerOfHub.get(hub) ?? null;
      const saved = await m.save(
        CommitmentEntity,
        m.create(CommitmentEntity, {
          title: c.title,
          kind: c.kind,
          cityId: cityId(c.city),
          hubId: hubId(hub),
          ownerId,
          targetDate: c.targetDate,
          progress: c.progress,
          status: c.status,
          description: c.description,
          inspiredBy: c.inspiredBy.map((k) => ({ id: engagementId(k) }) as EngagementEntity),
          partners: (c.partners ?? []).map((p) => ({ id: partnerId(p) }) as PartnerEntity),
          createdAt: at(c.pledgedOn),
        }),
      );
      commitmentIds.set(c.key, saved.id);
      // The workflow history that led here, one step every few months.
      const path = statusPath(c.status);
      let previous: CommitmentStatus | null = null;
      for (const [i, step] of path.entries()) {
        await m.save(
          CommitmentStatusChangeEntity,
          m.create(CommitmentStatusChangeEntity, {
            commitmentId: saved.id,
            fromStatus: previous,
            toStatus: step,
            actorId: managerOfHub.get(hub) ?? null,
            note: i === 0 ? 'Pledged after the engagement.' : step === 'stalled' ? 'No funding found yet.' : null,
            at: at(addDays(c.pledgedOn, i * 90)),
          }),
        );
        previous = step;
      }
    }
    const commitmentId = (key: string) => commitmentIds.get(key) ?? fail(`commitment ${key}`);
    const commitmentOwner = (key: string) => {
      const c = DEMO_COMMITMENTS.find((x) => x.key === key);
      return c ? (liaisonOfCity.get(c.city) ?? managerOfHub.get(cityHub.get(c.city) ?? '') ?? null) : null;
    };

    for (const f of DEMO_FOLLOW_UPS) {
      const engagementHub = f.engagement ? engagements.find((e) => e.key === f.engagement)?.hub : undefined;
      await m.save(
        FollowUpEntity,
        m.create(FollowUpEntity, {
          title: f.title,
          commitmentId: f.commitment ? commitmentId(f.commitment) : null,
          engagementId: f.engagement ? engagementId(f.engagement) : null,
          kind: f.kind,
          ownerId: f.commitment ? commitmentOwner(f.commitment) : (managerOfHub.get(engagementHub ?? '') ?? null),
          dueDate: f.dueDate,
          status: f.status,
          completedAt: f.completedAt ? at(f.completedAt) : null,
          note: f.note ?? null,
          createdAt: at(addDays(f.dueDate, -60)),
        }),
      );
    }

    const verifier = userIds.get('leadership@impact.test') ?? null;
    for (const o of DEMO_OUTCOMES) {
      await m.save(
        OutcomeEntity,
        m.create(OutcomeEntity, {
          cityId: cityId(o.city),
          commitmentId: o.commitment ? commitmentId(o.commitment) : null,
          date: o.date,
          type: o.type,
          value: o.value ?? null,
          unit: o.unit ?? null,
          description: o.description,
          evidenceUrl: o.evidenceUrl ?? null,
          verifiedById: o.verified ? verifier : null,
          verifiedAt: o.verified ? at(addDays(o.date, 30)) : null,
          createdAt: at(o.date),
        }),
      );
    }

    // The impact stories told from the records above, in the same transaction.
    await seedDemoStories(m);

    return {
      hubs: DEMO_HUBS.length,
      cities: DEMO_CITIES.length,
      partners: DEMO_PARTNERS.length,
      users: DEMO_USERS.length,
      engagements: engagements.length,
      commitments: DEMO_COMMITMENTS.length,
      followUps: DEMO_FOLLOW_UPS.length,
      outcomes: DEMO_OUTCOMES.length,
    };
  });
}

function fail(what: string): never {
  throw new Error(`Demo data refers to an unknown ${what}`);
}

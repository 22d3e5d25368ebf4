import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  canTransitionStory,
  DEFAULT_PAGE_SIZE,
  mayPublishStory,
  sensitivityComplete,
  storyTransitionNeedsNote,
  suggestStoryCategory,
  type HistoryEntry,
  type Language,
  type Page,
  type PublicStory,
  type PublicStoryList,
  type Quote,
  type RecordPlace,
  type Ref,
  type StoryCategory,
  type StoryDetail,
  type StoryDraftSource,
  type StoryFigure,
  type StoryListItem,
  type StoryStatus,
  type StoryTranslationRef,
} from '@impact/contracts';
import { AuditService } from '../audit/audit.service';
import { diffObjects } from '../audit/diff';
import { requireAccess, scopeCondition } from '../auth/access';
import type { AuthUser } from '../auth/auth-user';
import { ConflictError, ForbiddenError, NotFoundError, StaleVersionError, ValidationFailedError, WorkflowError } from '../common/errors';
import { likePattern } from '../common/list';
import { returnedRows } from '../common/legacy-records';
import type { CreateStoryDto, ListPublicStoriesDto, ListStoriesDto, StoryTransitionDto, UpdateStoryDto } from './dto/story.dto';
import { renderMarkdown, storyToHtml, storyToMarkdown, summaryOf } from './story-render';
import { draftBody, draftTitle } from './story-text';

interface StoryRow {
  id: string;
  title: string;
  category: StoryCategory;
  hub_id: string;
  hub_name: string;
  body: string;
  quotes: Quote[];
  language: Language;
  translation_of_id: string | null;
  sensitivity_consent_for_named_people: boolean;
  sensitivity_no_details_exposing_individuals: boolean;
  sensitivity_city_agreed_to_publication: boolean;
  sensitivity_confirmed_by_id: string | null;
  sensitivity_confirmed_at: Date | null;
  status: StoryStatus;
  author_id: string;
  author_name: string | null;
  approved_by_id: string | null;
  published_at: Date | null;
  version: number;
  updated_at: Date;
  cities: { id: string; name: string; countryCode: string }[];
  engagement_ids: string[];
  commitment_ids: string[];
  outcome_ids: string[];
  total?: string;
}

const SELECT = `
  SELECT s.id, s.title, s.category, s.hub_id, h.name AS hub_name, s.body, s.quotes, s.language, s.translation_of_id,
         s.sensitivity_consent_for_named_people, s.sensitivity_no_details_exposing_individuals,
         s.sensitivity_city_agreed_to_publication, s.sensitivity_confirmed_by_id, s.sensitivity_confirmed_at,
         s.status, s.author_id, au.name AS author_name, s.approved_by_id, s.published_at, s.version, s.updated_at,
         COALESCE((SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'countryCode', c.country_code) ORDER BY c.name)
                     FROM story_cities sc JOIN cities c ON c.id = sc.city_id WHERE sc.story_id = s.id), '[]'::json) AS cities,
         COALESCE((SELECT array_agg(x.engagement_id ORDER BY x.engagement_id) FROM story_engagements x WHERE x.story_id = s.id), '{}') AS engagement_ids,
         COALESCE((SELECT array_agg(x.commitment_id ORDER BY x.commitment_id) FROM story_commitments x WHERE x.story_id = s.id), '{}') AS commitment_ids,
         COALESCE((SELECT array_agg(x.outcome_id ORDER BY x.outcome_id) FROM story_outcomes x WHERE x.story_id = s.id), '{}') AS outcome_ids`;

const FROM = `FROM stories s JOIN hubs h ON h.id = s.hub_id LEFT JOIN users au ON au.id = s.author_id`;

/** Which stories a scope reaches: hub managers by the story's hub, liaisons by its cities. */
const STORY_SCOPE = {
  hub: (p: string) => `s.hub_id = ANY(${p}::uuid[])`,
  city: (p: string) => `EXISTS (SELECT 1 FROM story_cities sc WHERE sc.story_id = s.id AND sc.city_id = ANY(${p}::uuid[]))`,
};

/** A Map, so a `sort` such as `constructor` finds nothing (an object literal would find its prototype's members). */
const SORTS: ReadonlyMap<string, string> = new Map([
  ['updatedAt:desc', 's.updated_at DESC'],
  ['updatedAt:asc', 's.updated_at ASC'],
  ['title:asc', 's.title ASC'],
  ['title:desc', 's.title DESC'],
  ['publishedAt:desc', 's.published_at DESC NULLS LAST'],
  ['publishedAt:asc', 's.published_at ASC NULLS LAST'],
]);

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toListItem(r: StoryRow): StoryListItem {
  return {
    id: r.id,
    title: r.title,
    category: r.category,
    hubId: r.hub_id,
    hubName: r.hub_name,
    cityIds: r.cities.map((c) => c.id),
    cities: r.cities.map((c) => ({ id: c.id, name: c.name })),
    body: r.body,
    quotes: r.quotes,
    engagementIds: r.engagement_ids,
    commitmentIds: r.commitment_ids,
    outcomeIds: r.outcome_ids,
    language: r.language,
    translationOf: r.translation_of_id,
    sensitivity: {
      consentForNamedPeople: r.sensitivity_consent_for_named_people,
      noDetailsExposingIndividuals: r.sensitivity_no_details_exposing_individuals,
      cityAgreedToPublication: r.sensitivity_city_agreed_to_publication,
      confirmedById: r.sensitivity_confirmed_by_id,
      confirmedAt: iso(r.sensitivity_confirmed_at),
    },
    status: r.status,
    authorId: r.author_id,
    authorName: r.author_name,
    approvedById: r.approved_by_id,
    publishedAt: iso(r.published_at),
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  };
}

/** What the audit log keeps of a story: its content and workflow fields, ids of its links. */
function auditable(s: StoryListItem): Record<string, unknown> {
  return {
    title: s.title,
    category: s.category,
    hubId: s.hubId,
    cityIds: s.cityIds,
    body: s.body,
    quotes: s.quotes,
    engagementIds: s.engagementIds,
    commitmentIds: s.commitmentIds,
    outcomeIds: s.outcomeIds,
    language: s.language,
    translationOf: s.translationOf,
    sensitivity: {
      consentForNamedPeople: s.sensitivity.consentForNamedPeople,
      noDetailsExposingIndividuals: s.sensitivity.noDetailsExposingIndividuals,
      cityAgreedToPublication: s.sensitivity.cityAgreedToPublication,
    },
    status: s.status,
  };
}

const placeOf = (s: Pick<StoryListItem, 'hubId' | 'cityIds'>): RecordPlace => ({ hubIds: [s.hubId], cityIds: s.cityIds });

type LinkTable = 'story_cities' | 'story_engagements' | 'story_commitments' | 'story_outcomes';
const LINKS: { field: 'cityIds' | 'engagementIds' | 'commitmentIds' | 'outcomeIds'; table: LinkTable; column: string; target: string }[] = [
  { field: 'cityIds', table: 'story_cities', column: 'city_id', target: 'cities' },
  { field: 'engagementIds', table: 'story_engagements', column: 'engagement_id', target: 'engagements' },
  { field: 'commitmentIds', table: 'story_commitments', column: 'commitment_id', target: 'commitments' },
  { field: 'outcomeIds', table: 'story_outcomes', column: 'outcome_id', target: 'outcomes' },
];

/**
 * Impact stories: the story desk (hub managers draft for their hubs, leadership reviews and publishes)
 * and the public page. Every read and write starts with the scope check; every write is audited in
 * the same transaction; the history of a story is its audit trail.
 */
@Injectable()
export class StoriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, query: ListStoriesDto): Promise<Page<StoryListItem>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const params: unknown[] = [];
    const where = ['s.archived_at IS NULL', scopeCondition(user, 'stories', 'read', STORY_SCOPE, params)];
    const add = (value: unknown, sql: (p: string) => string) => {
      if (value === undefined || value === null || value === '') return;
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    add(query.category, (p) => `s.category = ${p}`);
    add(query.status, (p) => `s.status = ${p}`);
    add(query.hubId, (p) => `s.hub_id = ${p}::uuid`);
    add(query.cityId, (p) => `EXISTS (SELECT 1 FROM story_cities x WHERE x.story_id = s.id AND x.city_id = ${p}::uuid)`);
    add(query.language, (p) => `s.language = ${p}`);
    add(likePattern(query.q), (p) => `(s.title ILIKE ${p} OR s.body ILIKE ${p})`);
    params.push(pageSize, (page - 1) * pageSize);
    const order = SORTS.get(query.sort ?? 'updatedAt:desc') ?? 's.updated_at DESC';
    const rows: StoryRow[] = await this.dataSource.query(
      `${SELECT}, count(*) OVER () AS total ${FROM} WHERE ${where.join(' AND ')}
        ORDER BY ${order}, s.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    let total = rows[0]?.total ? Number(rows[0].total) : 0;
    if (!rows.length && page > 1) {
      const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n ${FROM} WHERE ${where.join(' AND ')}`, params.slice(0, -2));
      total = n;
    }
    return { items: rows.map(toListItem), total, page, pageSize };
  }

  /** One story with names resolved, for the editor and the reviewer. */
  async get(user: AuthUser, id: string): Promise<StoryDetail> {
    const story = await this.load(this.dataSource.manager, id);
    requireAccess(user, 'stories', 'read', placeOf(story), () => new NotFoundError('Story', id));
    return this.detail(this.dataSource.manager, story);
  }

  async create(user: AuthUser, dto: CreateStoryDto): Promise<StoryDetail> {
    return this.dataSource.transaction(async (m) => {
      const cityIds = unique(dto.cityIds ?? []);
      await this.checkLinks(m, { cityIds, engagementIds: dto.engagementIds, commitmentIds: dto.commitmentIds, outcomeIds: dto.outcomeIds });
      const hubId = dto.hubId ?? (await this.hubOfCity(m, cityIds[0]));
      if (!hubId) throw new ValidationFailedError([{ field: 'hubId', message: 'Choose a hub or at least one city.' }]);
      const [hub] = await m.query('SELECT id FROM hubs WHERE id = $1', [hubId]);
      if (!hub) throw new ValidationFailedError([{ field: 'hubId', message: 'This hub does not exist.' }]);
      requireAccess(user, 'stories', 'create', { hubIds: [hubId], cityIds });
      const language = dto.language ?? 'en';
      const translationOf = dto.translationOf ? await this.translationRoot(m, user, dto.translationOf, language, null) : null;
      const [{ id }] = await m.query(
        `INSERT INTO stories (title, category, hub_id, body, quotes, language, translation_of_id, author_id)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8) RETURNING id`,
        [dto.title.trim(), dto.category, hubId, dto.body ?? '', JSON.stringify(cleanQuotes(dto.quotes)), language, translationOf, user.id],
      );
      await this.replaceLinks(m, id, { ...dto, cityIds });
      const created = await this.load(m, id);
      await this.audit.record(m, { actorId: user.id, entity: 'story', entityId: id, action: 'create', changes: diffObjects(null, auditable(created)) });
      return this.detail(m, created);
    });
  }

  async update(user: AuthUser, id: string, dto: UpdateStoryDto): Promise<StoryDetail> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.load(m, id, true);
      requireAccess(user, 'stories', 'update', placeOf(before), () => new NotFoundError('Story', id));
      if (before.status === 'published' || before.status === 'archived') {
        throw new WorkflowError(before.status, before.status, 'A published or archived story can no longer be edited.');
      }
      const cityIds = dto.cityIds ? unique(dto.cityIds) : undefined;
      await this.checkLinks(m, { cityIds, engagementIds: dto.engagementIds, commitmentIds: dto.commitmentIds, outcomeIds: dto.outcomeIds });
      if (dto.language && dto.language !== before.language && before.translationOf) {
        await this.translationRoot(m, user, before.translationOf, dto.language, id);
      }
      const s = dto.sensitivity ?? {};
      const answers = {
        consentForNamedPeople: s.consentForNamedPeople ?? before.sensitivity.consentForNamedPeople,
        noDetailsExposingIndividuals: s.noDetailsExposingIndividuals ?? before.sensitivity.noDetailsExposingIndividuals,
        cityAgreedToPublication: s.cityAgreedToPublication ?? before.sensitivity.cityAgreedToPublication,
      };
      const checklistChanged =
        answers.consentForNamedPeople !== before.sensitivity.consentForNamedPeople ||
        answers.noDetailsExposingIndividuals !== before.sensitivity.noDetailsExposingIndividuals ||
        answers.cityAgreedToPublication !== before.sensitivity.cityAgreedToPublication;
      const updated = await returnedRows<{ id: string }>(
        m,
        `UPDATE stories SET title = COALESCE($3, title), category = COALESCE($4, category), body = COALESCE($5, body),
                quotes = COALESCE($6::jsonb, quotes), language = COALESCE($7, language),
                sensitivity_consent_for_named_people = $8, sensitivity_no_details_exposing_individuals = $9,
                sensitivity_city_agreed_to_publication = $10,
                sensitivity_confirmed_by_id = CASE WHEN $11 THEN $12::uuid ELSE sensitivity_confirmed_by_id END,
                sensitivity_confirmed_at = CASE WHEN $11 THEN now() ELSE sensitivity_confirmed_at END,
                version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2 RETURNING id`,
        [
          id,
          dto.version,
          dto.title?.trim() ?? null,
          dto.category ?? null,
          dto.body ?? null,
          dto.quotes ? JSON.stringify(cleanQuotes(dto.quotes)) : null,
          dto.language ?? null,
          answers.consentForNamedPeople,
          answers.noDetailsExposingIndividuals,
          answers.cityAgreedToPublication,
          checklistChanged,
          user.id,
        ],
      );
      if (!updated.length) throw new StaleVersionError(await this.detail(m, before));
      await this.replaceLinks(m, id, { ...dto, cityIds });
      const after = await this.load(m, id);
      await this.audit.record(m, {
        actorId: user.id,
        entity: 'story',
        entityId: id,
        action: 'update',
        changes: diffObjects(auditable(before), auditable(after)),
      });
      return this.detail(m, after);
    });
  }

  /** DELETE archives: the story leaves lists and the public page; its history stays. */
  async archive(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const before = await this.load(m, id, true);
      requireAccess(user, 'stories', 'archive', placeOf(before), () => new NotFoundError('Story', id));
      await m.query(`UPDATE stories SET status = 'archived', archived_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [id]);
      await this.audit.record(m, {
        actorId: user.id,
        entity: 'story',
        entityId: id,
        action: 'archive',
        changes: { status: { old: before.status, new: 'archived' } },
      });
    });
  }

  async transition(user: AuthUser, id: string, dto: StoryTransitionDto): Promise<StoryDetail> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.load(m, id, true);
      requireAccess(user, 'stories', 'transition', placeOf(before), () => new NotFoundError('Story', id));
      const from = before.status;
      const to = dto.to;
      if (to === 'published' && !mayPublishStory(user.role)) throw new ForbiddenError('Only leadership publishes stories.');
      if (to === 'archived') requireAccess(user, 'stories', 'archive', placeOf(before));
      if (!canTransitionStory(from, to)) throw new WorkflowError(from, to);
      const note = dto.note?.trim() || null;
      if (storyTransitionNeedsNote(from, to) && !note) {
        throw new ValidationFailedError([{ field: 'note', message: 'Say why the story goes back to its author.' }]);
      }
      if (to === 'in_review' && !sensitivityComplete(before.sensitivity)) {
        throw new WorkflowError(from, to, 'Confirm all three points of the sensitivity checklist before sending the story to review.');
      }
      if (to === 'published' && !sensitivityComplete(before.sensitivity)) {
        throw new WorkflowError(from, to, 'The sensitivity checklist is not complete.');
      }
      await m.query(
        `UPDATE stories SET status = $2::varchar,
                approved_by_id = CASE WHEN $2::varchar = 'published' THEN $3::uuid ELSE approved_by_id END,
                published_at = CASE WHEN $2::varchar = 'published' THEN now() ELSE published_at END,
                version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, to, user.id],
      );
      await this.audit.record(m, {
        actorId: user.id,
        entity: 'story',
        entityId: id,
        action: to === 'published' ? 'publish' : to === 'archived' ? 'archive' : 'transition',
        changes: { status: { old: from, new: to } },
        note,
      });
      return this.detail(m, await this.load(m, id));
    });
  }

  /** Every step of a story: created, edited, checklist, sent to review, back, published, archived. */
  async history(user: AuthUser, id: string): Promise<HistoryEntry[]> {
    const story = await this.load(this.dataSource.manager, id, true);
    requireAccess(user, 'stories', 'read', placeOf(story), () => new NotFoundError('Story', id));
    const rows: { id: string; at: Date; actor_id: string | null; actor_name: string | null; action: string; changes: HistoryEntry['changes']; note: string | null }[] =
      await this.dataSource.query(
        `SELECT a.id, a.at, a.actor_id, u.name AS actor_name, a.action, a.changes, a.note
           FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
          WHERE a.entity = 'story' AND a.entity_id = $1 ORDER BY a.at, a.id`,
        [id],
      );
    return rows.map((r) => {
      const status = r.changes?.['status'] as { old: unknown; new: unknown } | undefined;
      return {
        id: r.id,
        at: r.at.toISOString(),
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        from: r.action === 'create' ? null : typeof status?.old === 'string' ? status.old : null,
        to: typeof status?.new === 'string' ? status.new : null,
        note: r.note,
        changes: r.changes,
      };
    });
  }

  /* ------------------------------ drafting ------------------------------ */

  /** A new draft told from a commitment's chain: city, inspiring engagements, follow-ups done, partners, outcomes. */
  async draftFromCommitment(user: AuthUser, commitmentId: string, language: Language = 'en'): Promise<StoryDetail> {
    return this.dataSource.transaction(async (m) => {
      const [c] = await m.query(
        `SELECT cm.id, cm.title, cm.kind, cm.status, cm.progress, cm.description, cm.hub_id, cm.city_id,
                ci.name AS city_name, ci.country_code
           FROM commitments cm JOIN cities ci ON ci.id = cm.city_id
          WHERE cm.id = $1 AND cm.archived_at IS NULL`,
        [commitmentId],
      );
      if (!c) throw new NotFoundError('Commitment', commitmentId);
      requireAccess(user, 'commitments', 'read', { hubIds: [c.hub_id], cityIds: [c.city_id] }, () => new NotFoundError('Commitment', commitmentId));
      requireAccess(user, 'stories', 'create', { hubIds: [c.hub_id], cityIds: [c.city_id] });
      if (c.status !== 'achieved' && c.status !== 'in_progress') {
        throw new WorkflowError(c.status, 'story', 'A story is drafted from an achieved or in-progress commitment.');
      }
      const source = await this.draftSource(m, c);
      const category = suggestStoryCategory(
        source.engagements.map((e) => e.type),
        source.commitment.kind,
      );
      const cityIds = unique([c.city_id, ...(await this.hostCities(m, source.engagements.map((e) => e.id)))]);
      const [{ id }] = await m.query(
        `INSERT INTO stories (title, category, hub_id, body, quotes, language, author_id)
         VALUES ($1, $2, $3, $4, '[]'::jsonb, $5, $6) RETURNING id`,
        [draftTitle(source), category, c.hub_id, draftBody(source, category, language, Number(c.progress)), language, user.id],
      );
      await this.replaceLinks(m, id, {
        cityIds,
        engagementIds: source.engagements.map((e) => e.id),
        commitmentIds: [c.id],
        outcomeIds: source.outcomes.map((o) => o.id),
      });
      const created = await this.load(m, id);
      await this.audit.record(m, {
        actorId: user.id,
        entity: 'story',
        entityId: id,
        action: 'create',
        changes: diffObjects(null, auditable(created)),
        note: `Drafted from the commitment “${c.title}”.`,
      });
      return this.detail(m, created);
    });
  }

  private async draftSource(
    m: EntityManager,
    c: { id: string; title: string; kind: StoryDraftSource['commitment']['kind']; status: string; description: string; hub_id: string; city_id: string; city_name: string; country_code: string },
  ): Promise<StoryDraftSource> {
    const engagements = await m.query(
      `SELECT e.id, e.title, e.type, to_char(e.start_date, 'YYYY-MM-DD') AS "startDate",
              host.name AS "hostCity", CASE WHEN e.online THEN 'online' ELSE loc.name END AS place
         FROM commitment_engagements ce JOIN engagements e ON e.id = ce.engagement_id
         LEFT JOIN cities host ON host.id = e.host_city_id
         LEFT JOIN cities loc ON loc.id = e.location_city_id
        WHERE ce.commitment_id = $1 AND e.archived_at IS NULL ORDER BY e.start_date, e.id`,
      [c.id],
    );
    const followUps = await m.query(
      `SELECT f.id, f.title, f.completed_at FROM follow_ups f
        WHERE f.commitment_id = $1 AND f.status = 'done' AND f.archived_at IS NULL ORDER BY f.completed_at NULLS LAST, f.id`,
      [c.id],
    );
    const partners: { name: string }[] = await m.query(
      `SELECT DISTINCT p.name FROM partners p
        WHERE p.archived_at IS NULL AND p.id IN (
              SELECT cp.partner_id FROM commitment_partners cp WHERE cp.commitment_id = $1
              UNION SELECT ep.partner_id FROM engagement_partners ep JOIN commitment_engagements ce ON ce.engagement_id = ep.engagement_id
                     WHERE ce.commitment_id = $1)
        ORDER BY p.name`,
      [c.id],
    );
    const outcomes = await this.figures(m, `o.commitment_id = $1`, [c.id]);
    return {
      city: { id: c.city_id, name: c.city_name, countryCode: c.country_code.trim() },
      hubId: c.hub_id,
      commitment: { id: c.id, title: c.title, kind: c.kind, status: c.status, description: c.description },
      engagements,
      followUps: followUps.map((f: { id: string; title: string; completed_at: Date | null }) => ({ id: f.id, title: f.title, completedAt: iso(f.completed_at) })),
      partners: partners.map((p) => p.name),
      outcomes,
    };
  }

  private async hostCities(m: EntityManager, engagementIds: string[]): Promise<string[]> {
    if (!engagementIds.length) return [];
    const rows: { id: string }[] = await m.query(
      `SELECT DISTINCT host_city_id AS id FROM engagements WHERE id = ANY($1::uuid[]) AND host_city_id IS NOT NULL`,
      [engagementIds],
    );
    return rows.map((r) => r.id);
  }

  private figures(m: EntityManager, condition: string, params: unknown[]): Promise<StoryFigure[]> {
    return m.query(
      `SELECT o.id, to_char(o.date, 'YYYY-MM-DD') AS date, o.type, o.value, o.unit, o.description
         FROM outcomes o WHERE ${condition} AND o.archived_at IS NULL ORDER BY o.date, o.id`,
      params,
    );
  }

  /* ------------------------------ export ------------------------------ */

  async export(user: AuthUser, id: string, format: 'md' | 'html'): Promise<{ content: string; filename: string }> {
    const story = await this.load(this.dataSource.manager, id);
    requireAccess(user, 'stories', 'read', placeOf(story), () => new NotFoundError('Story', id));
    const view = await this.publicView(this.dataSource.manager, story, false);
    const exportable = { ...view, publishedAt: story.publishedAt };
    const slug = slugify(story.title) || 'story';
    return format === 'md'
      ? { content: storyToMarkdown(exportable), filename: `${slug}.md` }
      : { content: storyToHtml(exportable), filename: `${slug}.html` };
  }

  /* ------------------------------ public ------------------------------ */

  async exportPublic(id: string, format: 'md' | 'html'): Promise<{ content: string; filename: string }> {
    const story = await this.getPublic(id);
    const slug = slugify(story.title) || 'story';
    return format === 'md'
      ? { content: storyToMarkdown(story), filename: `${slug}.md` }
      : { content: storyToHtml(story), filename: `${slug}.html` };
  }

  async listPublic(query: ListPublicStoriesDto): Promise<PublicStoryList> {
    const params: unknown[] = [];
    const where = [`s.status = 'published'`, 's.archived_at IS NULL'];
    const add = (value: unknown, sql: (p: string) => string) => {
      if (value === undefined || value === null || value === '') return;
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    add(query.category, (p) => `s.category = ${p}`);
    add(query.hubId, (p) => `s.hub_id = ${p}::uuid`);
    add(query.cityId, (p) => `EXISTS (SELECT 1 FROM story_cities x WHERE x.story_id = s.id AND x.city_id = ${p}::uuid)`);
    add(query.language, (p) => `s.language = ${p}`);
    const rows: StoryRow[] = await this.dataSource.query(
      `${SELECT} ${FROM} WHERE ${where.join(' AND ')} ORDER BY s.published_at DESC, s.title, s.id LIMIT 500`,
      params,
    );
    const items: PublicStory[] = [];
    for (const r of rows) items.push(await this.publicView(this.dataSource.manager, toListItem(r), true));
    return { items, total: items.length };
  }

  async getPublic(id: string): Promise<PublicStory> {
    const rows: StoryRow[] = await this.dataSource.query(
      `${SELECT} ${FROM} WHERE s.id = $1 AND s.status = 'published' AND s.archived_at IS NULL`,
      [id],
    );
    if (!rows[0]) throw new NotFoundError('Story', id);
    return this.publicView(this.dataSource.manager, toListItem(rows[0]), true);
  }

  /**
   * The one mapper to what the public sees. It names fields one by one, so nothing internal (people,
   * e-mails, notes, the checklist, workflow fields) can ride along when the record grows.
   */
  private async publicView(m: EntityManager, s: StoryListItem, publishedVersionsOnly: boolean): Promise<PublicStory> {
    const cities: { id: string; name: string; countryCode: string }[] = s.cityIds.length
      ? await m.query(`SELECT id, name, trim(country_code) AS "countryCode" FROM cities WHERE id = ANY($1::uuid[]) ORDER BY name`, [s.cityIds])
      : [];
    const figures = s.outcomeIds.length ? await this.figures(m, `o.id = ANY($1::uuid[])`, [s.outcomeIds]) : [];
    const translations = (await this.translationsOf(m, s)).filter((t) => !publishedVersionsOnly || t.status === 'published');
    return {
      id: s.id,
      title: s.title,
      category: s.category,
      language: s.language,
      hub: { id: s.hubId, name: s.hubName },
      cities: cities.map((c) => ({ id: c.id, name: c.name, countryCode: c.countryCode })),
      summary: summaryOf(s.body),
      body: s.body,
      bodyHtml: renderMarkdown(s.body),
      quotes: s.quotes.map((q) => ({ text: q.text, attribution: q.attribution })),
      figures: figures.map((f) => ({ date: f.date, type: f.type, value: f.value, unit: f.unit, description: f.description })),
      publishedAt: s.publishedAt ?? '',
      translations: translations.map((t) => ({ id: t.id, language: t.language, title: t.title })),
    };
  }

  /* ------------------------------ helpers ------------------------------ */

  private async load(m: EntityManager, id: string, lock = false): Promise<StoryListItem> {
    const rows: StoryRow[] = await m.query(
      `${SELECT} ${FROM} WHERE s.id = $1 AND s.archived_at IS NULL${lock ? ' FOR UPDATE OF s' : ''}`,
      [id],
    );
    if (!rows[0]) throw new NotFoundError('Story', id);
    return toListItem(rows[0]);
  }

  private async detail(m: EntityManager, s: StoryListItem): Promise<StoryDetail> {
    const refs = async (sql: string, ids: string[]): Promise<Ref[]> => (ids.length ? m.query(sql, [ids]) : []);
    // One after the other: inside a transaction every query shares one connection.
    const engagements = await refs(`SELECT id, title AS name FROM engagements WHERE id = ANY($1::uuid[]) ORDER BY start_date, id`, s.engagementIds);
    const commitments = await refs(`SELECT id, title AS name FROM commitments WHERE id = ANY($1::uuid[]) ORDER BY title, id`, s.commitmentIds);
    const outcomes = s.outcomeIds.length ? await this.figures(m, `o.id = ANY($1::uuid[])`, [s.outcomeIds]) : [];
    const people: Ref[] = await m.query(`SELECT id, name FROM users WHERE id = ANY($1::uuid[])`, [
      [s.approvedById, s.sensitivity.confirmedById].filter((x) => x),
    ]);
    const translations = await this.translationsOf(m, s);
    const sentBack: { note: string | null }[] =
      s.status === 'draft'
        ? await m.query(
            `SELECT note FROM audit_log WHERE entity = 'story' AND entity_id = $1 AND action = 'transition'
               AND changes->'status'->>'new' = 'draft' ORDER BY at DESC, id DESC LIMIT 1`,
            [s.id],
          )
        : [];
    const nameOf = (id: string | null) => people.find((p) => p.id === id)?.name ?? null;
    return {
      ...s,
      engagements,
      commitments,
      outcomes,
      approvedByName: nameOf(s.approvedById),
      confirmedByName: nameOf(s.sensitivity.confirmedById),
      translations,
      sentBackNote: sentBack[0]?.note ?? null,
    };
  }

  /** The family of language versions: the original and every story translating it, this one excluded. */
  private async translationsOf(m: EntityManager, s: Pick<StoryListItem, 'id' | 'translationOf'>): Promise<StoryTranslationRef[]> {
    const root = s.translationOf ?? s.id;
    return m.query(
      `SELECT id, language, status, title FROM stories
        WHERE (id = $1 OR translation_of_id = $1) AND id <> $2 AND archived_at IS NULL ORDER BY language, id`,
      [root, s.id],
    );
  }

  /** The original a new language version hangs on (a translation of a translation hangs on the original); one version per language. */
  private async translationRoot(m: EntityManager, user: AuthUser, of: string, language: Language, self: string | null): Promise<string> {
    const [original] = await m.query(`SELECT id, hub_id, translation_of_id FROM stories WHERE id = $1 AND archived_at IS NULL`, [of]);
    if (!original) throw new ValidationFailedError([{ field: 'translationOf', message: 'The original story does not exist.' }]);
    const root: string = original.translation_of_id ?? original.id;
    const cities: { city_id: string }[] = await m.query('SELECT city_id FROM story_cities WHERE story_id = $1', [root]);
    requireAccess(user, 'stories', 'read', { hubIds: [original.hub_id], cityIds: cities.map((c) => c.city_id) }, () =>
      new ValidationFailedError([{ field: 'translationOf', message: 'The original story does not exist.' }]),
    );
    const clash = await m.query(
      `SELECT 1 FROM stories WHERE (id = $1 OR translation_of_id = $1) AND language = $2 AND archived_at IS NULL AND ($3::uuid IS NULL OR id <> $3)`,
      [root, language, self],
    );
    if (clash.length) throw new ConflictError('This story already has a version in that language.');
    return root;
  }

  private async hubOfCity(m: EntityManager, cityId: string | undefined): Promise<string | null> {
    if (!cityId) return null;
    const [row] = await m.query('SELECT hub_id FROM cities WHERE id = $1', [cityId]);
    return row?.hub_id ?? null;
  }

  private async checkLinks(m: EntityManager, links: Partial<Record<(typeof LINKS)[number]['field'], string[] | undefined>>): Promise<void> {
    const details: { field: string; message: string }[] = [];
    for (const link of LINKS) {
      const ids = unique(links[link.field] ?? []);
      if (!ids.length) continue;
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM ${link.target} WHERE id = ANY($1::uuid[]) AND archived_at IS NULL`, [ids]);
      if (n !== ids.length) details.push({ field: link.field, message: 'One or more linked records do not exist.' });
    }
    if (details.length) throw new ValidationFailedError(details);
  }

  private async replaceLinks(m: EntityManager, id: string, links: Partial<Record<(typeof LINKS)[number]['field'], string[] | undefined>>): Promise<void> {
    for (const link of LINKS) {
      const ids = links[link.field];
      if (!ids) continue;
      await m.query(`DELETE FROM ${link.table} WHERE story_id = $1`, [id]);
      if (ids.length) {
        await m.query(`INSERT INTO ${link.table} (story_id, ${link.column}) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [id, unique(ids)]);
      }
    }
  }
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function cleanQuotes(quotes: Quote[] | undefined): Quote[] {
  return (quotes ?? []).map((q) => ({ text: q.text.trim(), attribution: q.attribution.trim() })).filter((q) => q.text);
}

function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

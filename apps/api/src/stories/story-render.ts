import MarkdownIt from 'markdown-it';
import { RTL_LANGUAGES, type PublicStory } from '@impact/contracts';
import { CATEGORY_LABELS, figureText, mdText, PHRASES } from './story-text';

/**
 * Story bodies are Markdown written by staff. Raw HTML is off, so whatever a body contains comes out
 * escaped; markdown-it's link validation drops `javascript:`, `vbscript:`, `file:` and most `data:` URLs.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

// Links leave the site in a new tab without handing it our window.
const defaultLinkOpen =
  markdown.renderer.rules['link_open'] ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules['link_open'] = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet('rel', 'noopener noreferrer nofollow');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(body: string): string {
  return markdown.render(body ?? '');
}

export const escapeHtml = (text: string): string => markdown.utils.escapeHtml(text);

/** The first paragraph of a Markdown body as plain text, for cards (headings and lists skipped). */
export function summaryOf(body: string, max = 280): string {
  const para =
    (body ?? '')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .find((p) => p && !p.startsWith('#') && !p.startsWith('-') && !p.startsWith('>')) ?? '';
  const plain = para
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}

export type Exportable = Pick<PublicStory, 'title' | 'category' | 'language' | 'cities' | 'body' | 'quotes' | 'figures' | 'hub'> & {
  publishedAt: string | null;
};

function dateText(instant: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(instant));
}

/** The story as one Markdown document. */
export function storyToMarkdown(story: Exportable): string {
  const p = PHRASES[story.language];
  const lines = [`# ${mdText(story.title)}`, ''];
  lines.push(`*${CATEGORY_LABELS[story.language][story.category]}*`, '');
  if (story.cities.length) lines.push(`**${p.cities}:** ${story.cities.map((c) => `${mdText(c.name)} (${c.countryCode})`).join(', ')}`, '');
  if (story.publishedAt) lines.push(`**${p.published}:** ${dateText(story.publishedAt, story.language)}`, '');
  lines.push(story.body.trim(), '');
  const figures = story.figures.map((f) => ({ figure: figureText(f, story.language), text: f.description })).filter((f) => f.figure);
  if (figures.length) {
    lines.push(`## ${p.figures}`, '');
    for (const f of figures) lines.push(`- **${mdText(f.figure ?? '')}** — ${mdText(f.text)}`);
    lines.push('');
  }
  if (story.quotes.length) {
    lines.push(`## ${p.quotes}`, '');
    for (const q of story.quotes) lines.push(`> ${mdText(q.text).replace(/\n/g, '\n> ')}`, '>', `> — ${mdText(q.attribution)}`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

const PRINT_CSS = `
  body { font-family: 'Noto Sans', 'Noto Sans Arabic', system-ui, sans-serif; line-height: 1.6; color: #1b1b1f;
         max-inline-size: 46rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.9rem; line-height: 1.25; margin-block-end: 0.25rem; }
  .category { color: #45464f; font-style: italic; margin-block-start: 0; }
  .meta { color: #45464f; font-size: 0.95rem; }
  .figures { display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; list-style: none; }
  .figures li { border: 1px solid #c6c6d0; border-radius: 12px; padding: 0.75rem 1rem; min-inline-size: 10rem; }
  .figures strong { display: block; font-size: 1.4rem; }
  blockquote { margin: 1rem 0; padding-inline-start: 1rem; border-inline-start: 4px solid #3f5f90; }
  blockquote footer { color: #45464f; }
  section { break-inside: avoid; page-break-inside: avoid; }
  @media print { body { margin: 0; max-inline-size: none; } a { color: inherit; } h2 { break-after: avoid; } }
`;

/** The story as a standalone HTML page: everything written by people is escaped, the body rendered with raw HTML off. */
export function storyToHtml(story: Exportable): string {
  const lang = story.language;
  const dir = RTL_LANGUAGES.includes(lang) ? 'rtl' : 'ltr';
  const p = PHRASES[lang];
  const cities = story.cities.map((c) => `<bdi>${escapeHtml(c.name)}</bdi> (${escapeHtml(c.countryCode)})`).join(', ');
  const figures = story.figures
    .map((f) => ({ figure: figureText(f, lang), text: f.description }))
    .filter((f) => f.figure)
    .map((f) => `<li><strong><bdi>${escapeHtml(f.figure ?? '')}</bdi></strong>${escapeHtml(f.text)}</li>`)
    .join('');
  const quotes = story.quotes
    .map((q) => `<blockquote><p>${escapeHtml(q.text)}</p><footer>— <bdi>${escapeHtml(q.attribution)}</bdi></footer></blockquote>`)
    .join('');
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(story.title)}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
<article>
<h1>${escapeHtml(story.title)}</h1>
<p class="category">${escapeHtml(CATEGORY_LABELS[lang][story.category])}</p>
<p class="meta">${cities ? `${escapeHtml(p.cities)}: ${cities}` : ''}${story.publishedAt ? `<br>${escapeHtml(p.published)}: ${escapeHtml(dateText(story.publishedAt, lang))}` : ''}</p>
<section class="body">${renderMarkdown(story.body)}</section>
${figures ? `<section><h2>${escapeHtml(p.figures)}</h2><ul class="figures">${figures}</ul></section>` : ''}
${quotes ? `<section><h2>${escapeHtml(p.quotes)}</h2>${quotes}</section>` : ''}
</article>
</body>
</html>
`;
}

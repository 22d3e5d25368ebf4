import { Quote } from '@impact/contracts';
import { diffWords } from 'diff';

/** What two versions of a story are compared on. */
export interface ComparedText {
  title: string;
  body: string;
  quotes: readonly Quote[];
  language: string;
}

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface DiffSection {
  field: 'title' | 'body' | 'quotes';
  parts: DiffPart[];
  changed: boolean;
}

/** `Intl.Segmenter` (every supported browser and Node 20 have it; the compiler's lib here predates it). */
const { Segmenter } = Intl as unknown as { Segmenter: new (language: string, options: { granularity: 'word' }) => object };

const quotesText = (quotes: readonly Quote[]) => quotes.map((q) => `“${q.text}” — ${q.attribution}`).join('\n');

/**
 * A word-level diff of two versions, per field. Words are cut by `Intl.Segmenter` in the story's
 * language: the diff library's own word pattern knows Latin letters only and would compare Arabic
 * letter by letter.
 */
export function diffStory(from: ComparedText, to: ComparedText): DiffSection[] {
  const segmenter = new Segmenter(to.language, { granularity: 'word' });
  const section = (field: DiffSection['field'], a: string, b: string): DiffSection => {
    const parts = diffWords(a, b, { intlSegmenter: segmenter }).map(
      (c): DiffPart => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }),
    );
    return { field, parts, changed: parts.some((p) => p.kind !== 'same') };
  };
  const sections = [section('title', from.title, to.title), section('body', from.body, to.body)];
  if (from.quotes.length || to.quotes.length) sections.push(section('quotes', quotesText(from.quotes), quotesText(to.quotes)));
  return sections;
}

import { diffStory } from './story-diff';

const text = (body: string, language = 'en', title = 'T') => ({ title, body, quotes: [], language });
const marked = (from: string, to: string, language = 'en') =>
  diffStory(text(from, language), text(to, language))
    .find((s) => s.field === 'body')
    ?.parts.map((p) => (p.kind === 'added' ? `[+${p.text}]` : p.kind === 'removed' ? `[-${p.text}]` : p.text))
    .join('');

describe('diffStory', () => {
  it('marks whole words added and removed, and leaves unchanged fields unchanged', () => {
    expect(marked('150 people trained', '999999 people trained')).toBe('[-150][+999999] people trained');
    const sections = diffStory(text('same body', 'en', 'Old title'), text('same body', 'en', 'New title'));
    expect(sections.map((s) => [s.field, s.changed])).toEqual([
      ['title', true],
      ['body', false],
    ]);
  });

  it('compares Arabic word by word, not letter by letter', () => {
    expect(marked('درّبت البلدية الشباب', 'درّبت البلدية المعلمين', 'ar')).toBe('درّبت البلدية [-الشباب][+المعلمين]');
  });

  it('compares quotes when either side has any', () => {
    const from = { ...text('b'), quotes: [{ text: 'We meet every week', attribution: 'A. Mayor' }] };
    const to = { ...text('b'), quotes: [{ text: 'We meet every month', attribution: 'A. Mayor' }] };
    const quotes = diffStory(from, to).find((s) => s.field === 'quotes');
    expect(quotes?.parts.filter((p) => p.kind !== 'same').map((p) => p.text)).toEqual(['week', 'month']);
  });
});

import { ValidationFailedError } from './errors';
import { charLength, cleanInput, MAX_JSON_DEPTH, nestedDeeperThan, normaliseText, textProblem } from './input';

const fieldsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationFailedError) return e.fieldErrors.map((f) => f.field);
    throw e;
  }
  throw new Error('expected a ValidationFailedError');
};

describe('textProblem', () => {
  it('refuses C0 controls, DEL and lone surrogates; tab and line breaks only in multi-line text', () => {
    for (const bad of ['a\u0000b', '\u0001', '\u0007', '\u001b[31m', '\u007f', 'x\ud800', '\udc00x', '\ud800\ud800\udc00']) {
      expect(textProblem(bad, true)).not.toBeNull();
    }
    expect(textProblem('a\tb\r\nc', true)).toBeNull();
    expect(textProblem('a\nb', false)).toBe('must be a single line');
    expect(textProblem('a\u0000b', false)).toBe('must not contain control characters (found U+0000)');
    expect(textProblem('Ūnicode 😀 \u00e9 \u200f \u0085', false)).toBeNull();
  });
});

describe('normaliseText', () => {
  it('trims, and empties text with nothing visible in it', () => {
    expect(normaliseText('  Nansana \n')).toBe('Nansana');
    for (const blank of [
      ' ',
      '\u200B',
      '\u202E',
      '\uFEFF',
      '\u00A0\u3000',
      '\u200B\u200C\u200D\u2060',
      '\u00AD',
      '\u3164',
      '\u2800',
      '\u180E',
    ]) {
      expect(normaliseText(blank)).toBe('');
    }
    expect(normaliseText('\u200Ba')).toBe('\u200Ba');
    expect(normaliseText('الرباط\u200F')).toBe('الرباط\u200F');
  });
});

describe('charLength', () => {
  it('counts code points as PostgreSQL does', () => {
    expect(charLength('abc')).toBe(3);
    expect(charLength('😀😀')).toBe(2);
    expect(charLength('\u2764\uFE0F')).toBe(2);
  });
});

describe('nestedDeeperThan', () => {
  it('measures depth without recursion', () => {
    expect(nestedDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(nestedDeeperThan({ a: [{ b: {} }] }, 3)).toBe(true);
    expect(nestedDeeperThan(JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)), MAX_JSON_DEPTH)).toBe(true);
    expect(nestedDeeperThan('text', 0)).toBe(false);
  });
});

describe('cleanInput', () => {
  it('trims every string of a body, deep, but never a password', () => {
    expect(
      cleanInput(
        {
          name: '  Kampala ',
          quotes: [{ text: ' hi\n' }],
          password: '  kept  ',
          nested: { newPassword: ' x ' },
        },
        'body',
      ),
    ).toEqual({
      name: 'Kampala',
      quotes: [{ text: 'hi' }],
      password: '  kept  ',
      nested: { newPassword: ' x ' },
    });
  });

  it('names every bad field by its path', () => {
    expect(
      fieldsOf(() =>
        cleanInput(
          {
            title: 'a\u0000',
            participants: { note: '\u0007' },
            quotes: [{ text: 'ok' }, { text: '\ud800' }],
          },
          'body',
        ),
      ),
    ).toEqual(['title', 'participants.note', 'quotes.1.text']);
    expect(fieldsOf(() => cleanInput({ q: 'a\u0000', page: '1' }, 'query'))).toEqual(['q']);
    expect(fieldsOf(() => cleanInput({ q: ['a', 'b\n'] }, 'query'))).toEqual(['q.1']);
    expect(fieldsOf(() => cleanInput('\u0000', 'param', 'id'))).toEqual(['id']);
    expect(fieldsOf(() => cleanInput({ 'a\u0000': 1 }, 'body'))).toEqual(['a\u0000']);
  });

  it('keeps a __proto__ key an own property instead of setting the prototype', () => {
    const cleaned = cleanInput(JSON.parse('{"__proto__": {"admin": true}}'), 'body') as Record<string, unknown>;
    expect(Object.getPrototypeOf(cleaned)).toBe(Object.prototype);
    expect(Object.keys(cleaned)).toEqual(['__proto__']);
    expect((cleaned as { admin?: boolean }).admin).toBeUndefined();
  });

  it('leaves numbers, booleans and null alone, and query objects of no prototype are read too', () => {
    expect(cleanInput({ a: 1, b: true, c: null }, 'body')).toEqual({
      a: 1,
      b: true,
      c: null,
    });
    const query = Object.assign(Object.create(null), { q: ' x ' });
    expect(cleanInput(query, 'query')).toEqual({ q: 'x' });
  });
});

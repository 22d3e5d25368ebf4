import type { FieldError } from '@impact/contracts';
import { ValidationFailedError } from './errors';

/**
 * The one check and the one normalisation every string of a request goes through before validation
 * (see `InputValidationPipe`): bodies (deep, keys too), query strings and route parameters.
 */

/** JSON deeper than this is refused by the body parser; no request of the API needs more than 4. */
export const MAX_JSON_DEPTH = 32;

/** C0 controls but tab, line feed and carriage return, and DEL: never text (PostgreSQL refuses NUL). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** The same with tab and line breaks: for text that is one line (query strings, route parameters, titles). */
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_OR_BREAK = /[\u0000-\u001F\u007F]/;
/** Half a UTF-16 surrogate pair (it can arrive as a `\ud800` JSON escape); it is no character at all. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/**
 * Text that shows nothing: white space, format characters (U+200B, U+202E, U+FEFF …), other
 * default-ignorable code points (U+00AD, U+3164 …) and the blank braille pattern.
 */
const INVISIBLE_ONLY = /^[\s\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]*$/u;
/** A password is taken exactly as typed: spaces around it are part of it. */
const KEPT_AS_TYPED = /password/i;

const codePoint = (c: string) => `U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `text` may not be taken, or null. `multiline` allows tab and line breaks. */
export function textProblem(text: string, multiline: boolean): string | null {
  const control = (multiline ? CONTROL : CONTROL_OR_BREAK).exec(text);
  if (control) {
    return /[\t\n\r]/.test(control[0]) ? 'must be a single line' : `must not contain control characters (found ${codePoint(control[0])})`;
  }
  if (LONE_SURROGATE.test(text)) return 'must not contain half of a surrogate pair (malformed UTF-16)';
  return null;
}

/** Trimmed; and empty when nothing visible is left, so a required text of U+200B alone is refused as empty. */
export function normaliseText(text: string): string {
  const trimmed = text.trim();
  return INVISIBLE_ONLY.test(trimmed) ? '' : trimmed;
}

/** Length in characters as PostgreSQL counts them (code points), not UTF-16 units. */
export function charLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** True when `value` nests objects or arrays more than `max` levels deep. Iterative: any depth is safe. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(v as object)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

export type InputSource = 'body' | 'query' | 'param';

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

const MAX_REPORTED = 20;

/**
 * A checked and normalised copy of one request input: every string (and every key) free of control
 * characters and lone surrogates (tab and line breaks are allowed in bodies, whose multi-line fields
 * take them; a single-line field refuses them with `@SingleLine()`), and every string trimmed and
 * emptied when invisible (passwords aside). Throws a 400 naming each bad field by its path
 * (`quotes.0.text`, `q`, `id`). `name` is the parameter's name when the handler took one
 * (`@Param('id')`, `@Query('q')`).
 */
export function cleanInput(value: unknown, source: InputSource, name?: string): unknown {
  const problems: FieldError[] = [];
  const multiline = source === 'body';
  const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

  const visit = (v: unknown, path: string, depth: number, asTyped: boolean): unknown => {
    if (problems.length >= MAX_REPORTED) return v;
    const field = path || name || source;
    if (typeof v === 'string') {
      const problem = textProblem(v, multiline);
      if (problem) {
        problems.push({ field, message: `${field} ${problem}` });
        return v;
      }
      return asTyped ? v : normaliseText(v);
    }
    if (v === null || typeof v !== 'object') return v;
    if (depth >= MAX_JSON_DEPTH) {
      problems.push({ field, message: `${field} is nested too deeply` });
      return v;
    }
    if (Array.isArray(v)) return v.map((item, i) => visit(item, join(path, i), depth + 1, asTyped));
    if (!isPlainObject(v)) return v;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      const keyProblem = textProblem(key, false);
      if (keyProblem)
        problems.push({
          field: join(path, key),
          message: `a field name ${keyProblem}`,
        });
      // defineProperty: a `__proto__` key from JSON stays an own property (the pipe then strips it).
      Object.defineProperty(out, key, {
        value: visit(v[key], join(path, key), depth + 1, asTyped || KEPT_AS_TYPED.test(key)),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  };

  const cleaned = visit(value, name ?? '', 0, name !== undefined && KEPT_AS_TYPED.test(name));
  if (problems.length) throw new ValidationFailedError(problems);
  return cleaned;
}

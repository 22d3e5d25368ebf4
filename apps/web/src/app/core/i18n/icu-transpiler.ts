import { Injectable, Provider } from '@angular/core';
import { DefaultTranspiler, TRANSLOCO_TRANSPILER, TranspileParams } from '@jsverse/transloco';
import { Token, parse } from '@messageformat/parser';

/** A typed ICU argument (`{n, plural, …}`, `{n, number}`, …): the mark of a message written in ICU. */
const ICU_ARGUMENT = /\{\s*\w+\s*,\s*(?:plural|selectordinal|select|number)\s*[,}]/;

export function isIcuMessage(text: string): boolean {
  return ICU_ARGUMENT.test(text);
}

type Args = Record<string, unknown>;

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function numberFormat(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format;
}

function pluralRule(locale: string, type: Intl.PluralRuleType): Intl.PluralRules {
  const key = `${locale}|${type}`;
  let rule = pluralRules.get(key);
  if (!rule) pluralRules.set(key, (rule = new Intl.PluralRules(locale, { type })));
  return rule;
}

/**
 * An ICU message with its arguments, in a locale's plural rules and digits. The message is read by
 * messageformat's parser and interpreted here, not compiled to code as `@messageformat/core` does
 * (with `new Function`), which the app's Content Security Policy forbids.
 */
export function formatIcu(tokens: readonly Token[], args: Args, locale: string, count?: number): string {
  return tokens.map((token) => formatToken(token, args, locale, count)).join('');
}

function formatToken(token: Token, args: Args, locale: string, count: number | undefined): string {
  switch (token.type) {
    case 'content':
      return token.value;
    case 'argument':
      return String(args[token.arg] ?? '');
    case 'function':
      return token.key === 'number' ? numberFormat(locale).format(Number(args[token.arg])) : String(args[token.arg] ?? '');
    case 'octothorpe':
      return count === undefined ? '#' : numberFormat(locale).format(count);
    case 'select': {
      const chosen = token.cases.find((c) => c.key === String(args[token.arg])) ?? token.cases.find((c) => c.key === 'other');
      return chosen ? formatIcu(chosen.tokens, args, locale, count) : '';
    }
    default: {
      // plural and selectordinal: an exact case (`=2`) first, else the number's plural category, else `other`.
      const value = Number(args[token.arg]);
      const n = value - (token.pluralOffset ?? 0);
      const category = pluralRule(locale, token.type === 'selectordinal' ? 'ordinal' : 'cardinal').select(n);
      const chosen =
        token.cases.find((c) => c.key === `=${value}`) ??
        token.cases.find((c) => c.key === category) ??
        token.cases.find((c) => c.key === 'other');
      return chosen ? formatIcu(chosen.tokens, args, locale, n) : '';
    }
  }
}

/**
 * Counts speak in the plural rules of each language: messages written in ICU (`{n, plural, one {# day}
 * other {# days}}`) are formatted in the active language. Every other message keeps Transloco's own
 * `{{name}}` interpolation, so a value such as a record title with `{` in it is never read as ICU.
 */
@Injectable()
export class IcuTranspiler extends DefaultTranspiler {
  private locale = 'en';
  private readonly parsed = new Map<string, Token[]>();

  override transpile(params: TranspileParams): unknown {
    const { value } = params;
    if (typeof value !== 'string' || !isIcuMessage(value)) return super.transpile(params);
    let tokens = this.parsed.get(value);
    if (!tokens) {
      tokens = parse(value);
      this.parsed.set(value, tokens);
    }
    return formatIcu(tokens, params.params ?? {}, this.locale);
  }

  onLangChanged(lang: string): void {
    this.locale = lang;
  }
}

/** The transpiler for `provideTransloco` (app and tests): ICU plurals, plain messages as before. */
export function provideIcuMessages(): Provider[] {
  return [{ provide: TRANSLOCO_TRANSPILER, useClass: IcuTranspiler }];
}

import { Injectable, Provider } from '@angular/core';
import { DefaultTranspiler, TRANSLOCO_TRANSPILER, TranspileParams } from '@jsverse/transloco';
import { MessageFormatTranspiler, MessageformatConfig, TRANSLOCO_MESSAGE_FORMAT_CONFIG } from '@jsverse/transloco-messageformat';

/** A typed ICU argument (`{n, plural, …}`, `{n, number}`, …): the mark of a message written in ICU. */
const ICU_ARGUMENT = /\{\s*\w+\s*,\s*(?:plural|selectordinal|select|number)\s*[,}]/;

export function isIcuMessage(text: string): boolean {
  return ICU_ARGUMENT.test(text);
}

/**
 * Counts speak in the plural rules of each language through ICU messages (`@jsverse/transloco-messageformat`,
 * whose locale follows the active language). Messages without ICU keep Transloco's own `{{name}}`
 * interpolation: messageformat would re-read what is put into them, and a record title with `{` in it
 * would break the message.
 */
@Injectable()
export class IcuTranspiler extends MessageFormatTranspiler {
  override transpile(params: TranspileParams): unknown {
    if (typeof params.value === 'string' && !isIcuMessage(params.value)) {
      return DefaultTranspiler.prototype.transpile.call(this, params);
    }
    return super.transpile(params);
  }
}

/** The transpiler for `provideTransloco` (app and tests): ICU plurals, plain messages as before. */
export function provideIcuMessages(config: MessageformatConfig = {}): Provider[] {
  return [
    { provide: TRANSLOCO_MESSAGE_FORMAT_CONFIG, useValue: config },
    { provide: TRANSLOCO_TRANSPILER, useClass: IcuTranspiler },
  ];
}

import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { LANGUAGES, type Language } from '@impact/contracts';

/**
 * The language the client reads in, from its `Accept-Language` header (the web app sends the language
 * chosen on the device): the best of the four the product speaks, or null when the header is absent
 * or names none of them, so the caller falls back to the user's preferred language.
 */
export function requestLanguage(req: Pick<Request, 'headers' | 'acceptsLanguages'>): Language | null {
  if (!req.headers['accept-language']) return null;
  const best = req.acceptsLanguages(...LANGUAGES);
  return best ? (best as Language) : null;
}

export const RequestLanguage = createParamDecorator((_: unknown, ctx: ExecutionContext): Language | null =>
  requestLanguage(ctx.switchToHttp().getRequest<Request>()),
);

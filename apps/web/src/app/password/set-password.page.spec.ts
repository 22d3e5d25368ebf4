import { HttpErrorResponse } from '@angular/common/http';
import { linkFailureOf } from './set-password.page';

const answer = (status: number, reason?: string) =>
  new HttpErrorResponse({ status, error: reason ? { statusCode: status, details: { reason } } : { statusCode: status } });

describe('linkFailureOf', () => {
  it('tells an unknown link, a used, an expired and a deactivated one, and too many tries apart', () => {
    expect(linkFailureOf(answer(404))).toBe('notFound');
    expect(linkFailureOf(answer(410, 'used'))).toBe('used');
    expect(linkFailureOf(answer(410, 'expired'))).toBe('expired');
    expect(linkFailureOf(answer(410, 'inactive'))).toBe('inactive');
    expect(linkFailureOf(answer(429))).toBe('limited');
  });

  it('treats a 410 without a known reason as used, and anything else as unexpected', () => {
    expect(linkFailureOf(answer(410))).toBe('used');
    expect(linkFailureOf(answer(500))).toBe('unexpected');
    expect(linkFailureOf(new Error('network'))).toBe('unexpected');
  });
});

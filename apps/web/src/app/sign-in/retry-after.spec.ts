import { minutesToWait, safeReturnUrl } from './retry-after';

describe('minutesToWait', () => {
  it('rounds seconds up to whole minutes, at least one', () => {
    expect(minutesToWait('900')).toBe(15);
    expect(minutesToWait('61')).toBe(2);
    expect(minutesToWait('5')).toBe(1);
    expect(minutesToWait(null)).toBe(1);
  });

  it('reads an HTTP date', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(minutesToWait('Wed, 25 Nov 2026 10:10:00 GMT', now)).toBe(10);
  });
});

describe('safeReturnUrl', () => {
  it('keeps paths inside the app and refuses anything else', () => {
    expect(safeReturnUrl('/users?page=2')).toBe('/users?page=2');
    expect(safeReturnUrl('//evil.example')).toBe('/');
    expect(safeReturnUrl('https://evil.example')).toBe('/');
    expect(safeReturnUrl('/sign-in')).toBe('/');
    expect(safeReturnUrl(undefined)).toBe('/');
  });
});

import { diffObjects } from './diff';

describe('diffObjects', () => {
  it('lists only changed fields with old and new values', () => {
    expect(diffObjects({ a: 1, b: 'x', c: [1, 2] }, { a: 1, b: 'y', c: [1, 2] })).toEqual({ b: { old: 'x', new: 'y' } });
  });

  it('returns null when nothing changed, comparing dates by instant', () => {
    expect(diffObjects({ at: new Date('2024-01-01T00:00:00Z') }, { at: new Date('2024-01-01T00:00:00.000Z') })).toBeNull();
  });

  it('handles creation and removal, and never stores secrets or bookkeeping fields', () => {
    expect(diffObjects(null, { name: 'N', passwordHash: 'h', version: 2 })).toEqual({ name: { old: null, new: 'N' } });
    expect(diffObjects({ name: 'N' }, null)).toEqual({
      name: { old: 'N', new: null },
    });
    expect(diffObjects({ pin: '1' }, { pin: '2' }, { redact: ['pin'] })).toEqual({ pin: { old: '[redacted]', new: '[redacted]' } });
  });
});

import { may, mayOnRecord, scopeFor, type Principal } from './permissions';

const liaisonA: Principal = { id: 'u1', role: 'city_liaison', hubIds: [], cityIds: ['city-a'] };
const managerX: Principal = { id: 'u2', role: 'hub_manager', hubIds: ['hub-x'], cityIds: [] };

describe('permission matrix', () => {
  it('keeps users to admins', () => {
    expect(may('admin', 'users', 'create')).toBe(true);
    expect(may('leadership', 'users', 'read')).toBe(false);
    expect(may('hub_manager', 'users', 'read')).toBe(false);
  });
  it('lets a liaison change only its own cities', () => {
    const inA = { hubIds: ['hub-x'], cityIds: ['city-a'] };
    const inB = { hubIds: ['hub-x'], cityIds: ['city-b'] };
    expect(mayOnRecord(liaisonA, 'commitments', 'update', inA)).toBe(true);
    expect(mayOnRecord(liaisonA, 'commitments', 'update', inB)).toBe(false);
    expect(mayOnRecord(liaisonA, 'commitments', 'read', inB)).toBe(false);
    expect(scopeFor('city_liaison', 'engagements', 'create')).toBe('none');
  });
  it('lets a hub manager read everywhere but write only in its hubs', () => {
    const inX = { hubIds: ['hub-x'], cityIds: ['city-a'] };
    const inY = { hubIds: ['hub-y'], cityIds: ['city-c'] };
    expect(mayOnRecord(managerX, 'engagements', 'read', inY)).toBe(true);
    expect(mayOnRecord(managerX, 'engagements', 'update', inY)).toBe(false);
    expect(mayOnRecord(managerX, 'engagements', 'update', inX)).toBe(true);
  });
  it('lets leadership publish but not draft stories', () => {
    expect(may('leadership', 'stories', 'publish')).toBe(true);
    expect(may('leadership', 'stories', 'create')).toBe(false);
    expect(may('hub_manager', 'stories', 'publish')).toBe(false);
  });
  it('lets every role read and mark its own notifications, and only admins run the rules and read the outbox', () => {
    for (const role of ['admin', 'leadership', 'hub_manager', 'city_liaison'] as const) {
      expect(may(role, 'notifications', 'read')).toBe(true);
      expect(may(role, 'notifications', 'update')).toBe(true);
      expect(may(role, 'reminders', 'create')).toBe(role === 'admin');
      expect(may(role, 'outbox', 'read')).toBe(role === 'admin');
    }
  });
});

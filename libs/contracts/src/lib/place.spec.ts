import { mayOnRecord, type Principal } from './permissions';
import {
  cityPlace,
  commitmentPlace,
  engagementPlace,
  followUpPlace,
  listedFollowUpPlace,
  outcomePlace,
  placeIn,
  storyPlace,
} from './place';

const liaison = (...cityIds: string[]): Principal => ({ id: 'u-1', role: 'city_liaison', hubIds: [], cityIds });
const manager = (...hubIds: string[]): Principal => ({ id: 'u-2', role: 'hub_manager', hubIds, cityIds: [] });

describe("a record's place", () => {
  it('leaves out blank cities and names each city once', () => {
    expect(placeIn('hub-1', ['c-1', null, undefined, '', 'c-1', 'c-2'])).toEqual({ hubIds: ['hub-1'], cityIds: ['c-1', 'c-2'] });
    expect(placeIn('hub-1')).toEqual({ hubIds: ['hub-1'], cityIds: [] });
  });

  it('puts a city in its hub and in itself', () => {
    expect(cityPlace({ id: 'c-1', hubId: 'hub-1' })).toEqual({ hubIds: ['hub-1'], cityIds: ['c-1'] });
  });

  it('puts an engagement in every city it concerns: host, place and participants', () => {
    const place = engagementPlace({
      hubId: 'hub-1',
      hostCityId: 'host',
      locationCityId: null,
      participatingCityIds: ['p-1', 'host', 'p-2'],
    });
    expect(place).toEqual({ hubIds: ['hub-1'], cityIds: ['host', 'p-1', 'p-2'] });
    // So a liaison of a city that only took part may read it, and one of another city may not.
    expect(mayOnRecord(liaison('p-2'), 'engagements', 'read', place)).toBe(true);
    expect(mayOnRecord(liaison('elsewhere'), 'engagements', 'read', place)).toBe(false);
  });

  it('puts a commitment and an outcome in their own hub and city', () => {
    expect(commitmentPlace({ hubId: 'hub-1', cityId: 'c-1' })).toEqual({ hubIds: ['hub-1'], cityIds: ['c-1'] });
    expect(outcomePlace({ hubId: 'hub-2', cityId: 'c-9' })).toEqual({ hubIds: ['hub-2'], cityIds: ['c-9'] });
  });

  it('puts a follow-up where its commitment is, else where its engagement is', () => {
    const commitment = commitmentPlace({ hubId: 'hub-1', cityId: 'c-1' });
    const engagement = engagementPlace({ hubId: 'hub-2', hostCityId: 'c-7', locationCityId: 'c-8', participatingCityIds: [] });
    expect(followUpPlace({ commitment, engagement })).toBe(commitment);
    expect(followUpPlace({ commitment: null, engagement })).toBe(engagement);
    expect(followUpPlace({})).toBeNull();
  });

  it('reads a listed follow-up by the hub and city the server resolved; without a city only its hub may act', () => {
    const cityless = listedFollowUpPlace({ hubId: 'hub-1', cityId: null });
    expect(cityless).toEqual({ hubIds: ['hub-1'], cityIds: [] });
    expect(mayOnRecord(manager('hub-1'), 'followUps', 'update', cityless)).toBe(true);
    expect(mayOnRecord(liaison('c-1'), 'followUps', 'update', cityless)).toBe(false);
    expect(mayOnRecord(liaison('c-1'), 'followUps', 'update', listedFollowUpPlace({ hubId: 'hub-1', cityId: 'c-1' }))).toBe(true);
  });

  it('puts a story in its hub and its linked cities', () => {
    const place = storyPlace({ hubId: 'hub-1', cityIds: ['c-1', 'c-2'] });
    expect(place).toEqual({ hubIds: ['hub-1'], cityIds: ['c-1', 'c-2'] });
    expect(mayOnRecord(manager('hub-2'), 'stories', 'update', place)).toBe(false);
    expect(mayOnRecord(manager('hub-1'), 'stories', 'update', place)).toBe(true);
  });
});

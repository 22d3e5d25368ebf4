import { matchCity, matchOne, nameKey, nameSkeleton } from './names';

describe('nameKey', () => {
  it('ignores case, accents and spacing', () => {
    expect(nameKey('  São   Paulo ')).toBe(nameKey('sao paulo'));
    expect(nameKey('Montréal')).toBe(nameKey('MONTREAL'));
  });

  it('ignores Arabic diacritics, tatweel and alef forms', () => {
    expect(nameKey('الرِّبَاط')).toBe(nameKey('الرباط'));
    expect(nameKey('الربـــاط')).toBe(nameKey('الرباط'));
    expect(nameKey('أكادير')).toBe(nameKey('اكادير'));
    expect(nameKey('Rabat')).not.toBe(nameKey('Rabot'));
  });
});

describe('nameSkeleton', () => {
  it('is the same for names of the same key (what the database narrows by before the keys decide)', () => {
    const pairs = [
      ['  São   Paulo workshop 2024', 'sao paulo WORKSHOP 2024'],
      ['Montréal – dialogue', 'MONTREAL – dialogue'],
      ['الرِّبَاط', 'الرباط'],
      ['الربـــاط', 'الرباط'],
      ['أكادير', 'اكادير'],
      ['ٱلقاهرة', 'القاهرة'],
      ['Ｆｕｌｌ width', 'full width'],
    ];
    for (const [a, b] of pairs) {
      expect(nameKey(a)).toBe(nameKey(b));
      expect(nameSkeleton(a)).toBe(nameSkeleton(b));
    }
    expect(nameSkeleton('Rabat workshop')).toBe('rabatworkshop');
    expect(nameSkeleton('Rabat')).not.toBe(nameSkeleton('Rabot'));
  });
});

describe('matchOne', () => {
  const hubs = [
    { id: 'a', name: 'East Africa' },
    { id: 'b', name: 'MENA' },
    { id: 'c', name: 'Ménà' },
  ];
  it('matches by id or by name', () => {
    expect(matchOne('a', hubs, (h) => h.name, 'hub')).toEqual({ found: hubs[0] });
    expect(matchOne('east  AFRICA', hubs, (h) => h.name, 'hub')).toEqual({ found: hubs[0] });
  });
  it('reports unknown and ambiguous names', () => {
    expect(matchOne('Europe', hubs, (h) => h.name, 'hub')).toEqual({ error: 'no hub "Europe"' });
    expect(matchOne('mena', hubs, (h) => h.name, 'hub')).toEqual({ error: '"mena" is ambiguous: 2 hub names match' });
  });
});

describe('matchCity', () => {
  const cities = [
    { id: '1', name: 'Tripoli', countryCode: 'LY' },
    { id: '2', name: 'Tripoli', countryCode: 'LB' },
    { id: '3', name: 'طرابلس', countryCode: 'LY' },
  ];
  it('lets a country code decide between cities of the same name', () => {
    expect(matchCity('tripoli', cities)).toEqual({ error: '"tripoli" is ambiguous: 2 city names match' });
    expect(matchCity('Tripoli (lb)', cities)).toEqual({ found: cities[1] });
    expect(matchCity('TRIPOLI', cities, 'LY')).toEqual({ found: cities[0] });
    expect(matchCity('طرابلس', cities)).toEqual({ found: cities[2] });
    expect(matchCity('Tripoli', cities, 'FR')).toEqual({ error: 'no city "Tripoli" in FR' });
  });
});

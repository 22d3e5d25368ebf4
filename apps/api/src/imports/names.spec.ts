import { matchOne, nameKey } from './names';

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
    expect(matchOne('mena', hubs, (h) => h.name, 'hub')).toEqual({ error: '"mena" matches 2 hubs' });
  });
});

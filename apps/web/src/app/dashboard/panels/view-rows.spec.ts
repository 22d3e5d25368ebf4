import { learningRows, mapTableRows } from './view-rows';

describe('mapTableRows', () => {
  it('gives each city with its hub’s name, engagements and furthest status, by hub then city', () => {
    const hubs = [
      { id: 'h1', name: 'Europe' },
      { id: 'h2', name: 'East & Southern Africa' },
    ];
    const city = (id: string, name: string, hubId: string, engagements: number) => ({
      id,
      name,
      countryCode: 'XX',
      hubId,
      latitude: 0,
      longitude: 0,
      engagements,
      furthestStatus: engagements ? ('achieved' as const) : null,
    });
    const rows = mapTableRows([city('c1', 'Oslo', 'h1', 2), city('c2', 'Nansana', 'h2', 0), city('c3', 'Cape Town', 'h2', 5)], hubs, 'en');
    expect(rows).toEqual([
      { id: 'c3', name: 'Cape Town', hubName: 'East & Southern Africa', engagements: 5, status: 'achieved' },
      { id: 'c2', name: 'Nansana', hubName: 'East & Southern Africa', engagements: 0, status: null },
      { id: 'c1', name: 'Oslo', hubName: 'Europe', engagements: 2, status: 'achieved' },
    ]);
  });
});

describe('learningRows', () => {
  it('names both cities of every link with its commitments, by the city learned from', () => {
    const rows = learningRows(
      {
        nodes: [
          { id: 'n', name: 'Nairobi', hubId: 'h' },
          { id: 'c', name: 'Cape Town', hubId: 'h' },
          { id: 'u', name: 'Nansana', hubId: 'h' },
        ],
        edges: [
          { source: 'n', target: 'c', weight: 2 },
          { source: 'c', target: 'u', weight: 1 },
        ],
      },
      'en',
    );
    expect(rows).toEqual([
      { fromId: 'c', fromName: 'Cape Town', toId: 'u', toName: 'Nansana', commitments: 1 },
      { fromId: 'n', fromName: 'Nairobi', toId: 'c', toName: 'Cape Town', commitments: 2 },
    ]);
  });
});

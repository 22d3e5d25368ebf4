import { MAX_ZOOM, WORLD_ZOOM, frame, marks, spread } from './map-view';

const nairobi = { id: 'a', longitude: 36.82, latitude: -1.29 };
const mombasa = { id: 'b', longitude: 39.67, latitude: -4.04 };
const capeTown = { id: 'c', longitude: 18.42, latitude: -33.92 };
const oslo = { id: 'd', longitude: 10.75, latitude: 59.91 };

describe('frame', () => {
  it('shows the whole world when there is no city', () => {
    expect(frame([])).toEqual({ zoom: WORLD_ZOOM });
  });

  it('centres on a hub’s cities and zooms in on them', () => {
    const view = frame([nairobi, mombasa, capeTown]);
    expect(view.center).toEqual([29.045, -17.605]);
    expect(view.zoom).toBeGreaterThan(2);
  });

  it('zooms in more on a close group than on a spread one, and never beyond a region', () => {
    const close = frame([nairobi, mombasa]).zoom;
    expect(close).toBeGreaterThan(frame([nairobi, capeTown, oslo]).zoom);
    expect(frame([nairobi]).zoom).toBe(close);
    expect(frame([nairobi, oslo]).zoom).toBeGreaterThanOrEqual(WORLD_ZOOM);
  });
});

describe('spread', () => {
  it('leaves cities that are far apart where they are', () => {
    const at = spread([nairobi, capeTown], WORLD_ZOOM);
    expect(at.get('a')).toEqual([36.82, -1.29]);
    expect(at.get('c')).toEqual([18.42, -33.92]);
  });

  it('sets close neighbours apart around their centre, the same way every time', () => {
    const at = spread([nairobi, mombasa], WORLD_ZOOM);
    const [a, b] = [at.get('a') as [number, number], at.get('b') as [number, number]];
    const before = Math.hypot(nairobi.longitude - mombasa.longitude, nairobi.latitude - mombasa.latitude);
    expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeGreaterThan(before);
    expect(spread([mombasa, nairobi], WORLD_ZOOM)).toEqual(at);
  });

  it('stops spreading once the map is zoomed in enough to tell them apart', () => {
    expect(spread([nairobi, mombasa], 8).get('a')).toEqual([36.82, -1.29]);
  });
});

describe('marks', () => {
  const kampala = { id: 'e', longitude: 32.58, latitude: 0.35 };
  const nansana = { id: 'f', longitude: 32.53, latitude: 0.36 };

  it('clusters cities that overlap at this zoom, at their centre, and leaves the others alone', () => {
    const drawn = marks([nairobi, mombasa, capeTown, oslo], WORLD_ZOOM);
    const cluster = drawn.find((m) => m.kind === 'cluster');
    expect(cluster?.kind === 'cluster' && cluster.cities.map((c) => c.id)).toEqual(['a', 'b']);
    expect(cluster?.at).toEqual([38.245, -2.665]);
    expect(drawn.filter((m) => m.kind === 'city').map((m) => m.kind === 'city' && m.city.id)).toEqual(['c', 'd']);
  });

  it('gives a cluster a view at least twice as close, where its cities come apart', () => {
    const [cluster] = marks([nairobi, mombasa], WORLD_ZOOM);
    if (cluster.kind !== 'cluster') throw new Error('expected a cluster');
    expect(cluster.target.center).toEqual(cluster.at);
    expect(cluster.target.zoom).toBeGreaterThanOrEqual(2 * WORLD_ZOOM);
    expect(marks([nairobi, mombasa], cluster.target.zoom).every((m) => m.kind === 'city')).toBe(true);
  });

  it('zooming in step by step always ends with every city reachable, twin towns set apart near the closest zoom', () => {
    let zoom = WORLD_ZOOM;
    let steps = 0;
    for (;;) {
      const cluster = marks([kampala, nansana, nairobi], zoom).find((m) => m.kind === 'cluster');
      if (!cluster || cluster.kind !== 'cluster') break;
      zoom = cluster.target.zoom;
      steps++;
    }
    expect(steps).toBeGreaterThan(0);
    expect(zoom).toBeLessThanOrEqual(MAX_ZOOM);
    const cities = marks([kampala, nansana, nairobi], zoom).filter((m) => m.kind === 'city');
    expect(cities).toHaveLength(3);
    expect(marks([kampala, { ...kampala, id: 'g' }], MAX_ZOOM).map((m) => m.kind)).toEqual(['city', 'city']);
  });
});

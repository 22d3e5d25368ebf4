/** The whole world, a little closer than ECharts' fit so the land fills the frame. */
export const WORLD_ZOOM = 1.15;

export interface MapView {
  /** `[longitude, latitude]`; absent for the whole world. */
  center?: [number, number];
  zoom: number;
}

interface Point {
  id: string;
  longitude: number;
  latitude: number;
}

/**
 * The view that frames these cities (a hub's): their bounding box with a margin, never wider than
 * the world, never closer than a region (a hub of one city still shows its country's neighbours).
 */
export function frame(cities: readonly Point[]): MapView {
  if (!cities.length) return { zoom: WORLD_ZOOM };
  const lons = cities.map((c) => c.longitude);
  const lats = cities.map((c) => c.latitude);
  const [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const spanLon = Math.max(east - west, 12);
  const spanLat = Math.max(north - south, 8);
  // The world map is about 360° wide and 170° tall; zoom 1 shows all of it.
  const zoom = Math.min(12, Math.max(WORLD_ZOOM, 0.7 * Math.min(360 / spanLon, 170 / spanLat)));
  return { center: [round((west + east) / 2), round((south + north) / 2)], zoom: round(zoom) };
}

/**
 * Where to draw each city so that close neighbours do not hide each other at this zoom: cities
 * within a few screen dots of one another are set around their common centre, the same way on every
 * load (the order is the data's, by id). A city alone stays where it is.
 */
export function spread(cities: readonly Point[], zoom: number): Map<string, [number, number]> {
  const near = 12 / zoom; // degrees: about a bubble's width at this zoom (zoom 1: 360° over some 450 dots)
  const groups: Point[][] = [];
  for (const city of [...cities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const group = groups.find((g) => Math.hypot(g[0].longitude - city.longitude, g[0].latitude - city.latitude) < near);
    if (group) group.push(city);
    else groups.push([city]);
  }
  const placed = new Map<string, [number, number]>();
  for (const group of groups) {
    if (group.length === 1) {
      placed.set(group[0].id, [group[0].longitude, group[0].latitude]);
      continue;
    }
    const lon = group.reduce((s, c) => s + c.longitude, 0) / group.length;
    const lat = group.reduce((s, c) => s + c.latitude, 0) / group.length;
    const radius = near * 0.5 * Math.sqrt(group.length);
    group.forEach((c, k) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * k) / group.length;
      placed.set(c.id, [round(lon + radius * Math.cos(angle)), round(lat - radius * Math.sin(angle))]);
    });
  }
  return placed;
}

/** The closest the map zooms (a city's neighbourhood); cities closer than a bubble even there are set apart instead. */
export const MAX_ZOOM = 60;

/**
 * Degrees under which two marks overlap at `zoom`: about a cluster bubble's width on screen (30 dots; a
 * degree is some 1.2 dots at zoom 1), so clusters, which are larger than most cities, do not overlap either.
 */
const nearAt = (zoom: number) => 24 / zoom;

/** What the map draws at one zoom: a city where it stands (or set apart from a twin), or a cluster of cities that overlap there. */
export type MapMark<P extends Point> =
  | { kind: 'city'; city: P; at: [number, number] }
  | { kind: 'cluster'; cities: P[]; at: [number, number]; target: MapView };

/**
 * Cities that would overlap at this zoom become one cluster, drawn at their centre, with the view that
 * tells them apart (a click zooms there); alone, a city stays where it is. Near the closest zoom, where
 * zooming cannot help any more (twin towns), overlapping cities are set around their centre instead.
 * Grouping is greedy around the first city of each group, in id order, so every load draws the same marks.
 */
export function marks<P extends Point>(cities: readonly P[], zoom: number): MapMark<P>[] {
  const near = nearAt(zoom);
  const groups: P[][] = [];
  for (const city of [...cities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const group = groups.find((g) => Math.hypot(g[0].longitude - city.longitude, g[0].latitude - city.latitude) < near);
    if (group) group.push(city);
    else groups.push([city]);
  }
  return groups.flatMap((group): MapMark<P>[] => {
    if (group.length === 1) return [{ kind: 'city', city: group[0], at: [group[0].longitude, group[0].latitude] }];
    const lons = group.map((c) => c.longitude);
    const lats = group.map((c) => c.latitude);
    const spanLon = Math.max(...lons) - Math.min(...lons);
    const spanLat = Math.max(...lats) - Math.min(...lats);
    const centre: [number, number] = [round(average(lons)), round(average(lats))];
    if (zoom * 2 > MAX_ZOOM) {
      const at = spread(group, zoom);
      return group.map((city) => ({ kind: 'city', city, at: at.get(city.id) ?? [city.longitude, city.latitude] }));
    }
    // Close enough to fill the frame, at least twice as close as now (each click makes progress).
    const fit = 0.6 * Math.min(360 / Math.max(spanLon, 1e-6), 170 / Math.max(spanLat, 1e-6));
    const target = { center: centre, zoom: round(Math.min(MAX_ZOOM, Math.max(zoom * 2, fit))) };
    return [{ kind: 'cluster', cities: group, at: centre, target }];
  });
}

function average(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

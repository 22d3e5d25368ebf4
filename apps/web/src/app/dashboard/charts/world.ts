import type { FeatureCollection } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

let registered: Promise<void> | null = null;

/**
 * Registers the world map with ECharts once: Natural Earth countries (1:110m) from the `world-atlas`
 * package shipped with the app, converted from TopoJSON with topojson-client. No tile server, no internet.
 */
export function registerWorld(): Promise<void> {
  registered ??= Promise.all([import('./echarts-setup'), import('world-atlas/countries-110m.json'), import('topojson-client')]).then(
    ([{ echarts }, atlas, topojson]) => {
      const topology = ((atlas as { default?: unknown }).default ?? atlas) as Topology<{ countries: GeometryCollection }>;
      const countries = topojson.feature(topology, topology.objects.countries) as unknown as FeatureCollection;
      echarts.registerMap('world', countries as never);
    },
  );
  return registered;
}

import { DashboardGraphNode } from '@impact/contracts';

export interface PlacedNode {
  id: string;
  x: number;
  y: number;
  /** Label rotation in degrees (ECharts: counter-clockwise), so the name reads outwards from the ring. */
  rotate: number;
  /** Which side of its dot the label sits on. */
  side: 'left' | 'right';
}

/** Code-point order: the same in every browser and language, unlike a locale's collation. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Where each city of the peer-learning graph sits: on one ring, grouped by hub (an empty slot between
 * hubs), by name within a hub. Computed from the data alone, so the same graph is the same picture on
 * every load, and names radiate outwards instead of piling up.
 */
export function ringLayout(nodes: readonly DashboardGraphNode[], radius = 100): PlacedNode[] {
  const sorted = [...nodes].sort((a, b) => byText(a.hubId, b.hubId) || byText(a.name, b.name) || byText(a.id, b.id));
  const hubs = new Set(sorted.map((n) => n.hubId)).size;
  const slots = sorted.length + (hubs > 1 ? hubs : 0);
  const placed: PlacedNode[] = [];
  let slot = 0;
  sorted.forEach((node, i) => {
    if (hubs > 1 && i > 0 && node.hubId !== sorted[i - 1].hubId) slot++;
    // Start at the top and go clockwise (screen y points down).
    const angle = -Math.PI / 2 + (2 * Math.PI * slot) / Math.max(1, slots);
    const x = round(radius * Math.cos(angle));
    const y = round(radius * Math.sin(angle));
    const degrees = (angle * 180) / Math.PI;
    const right = Math.cos(angle) >= -1e-9;
    placed.push({ id: node.id, x, y, side: right ? 'right' : 'left', rotate: round(right ? -degrees : 180 - degrees) });
    slot++;
  });
  return placed;
}

function round(v: number): number {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? 0 : r;
}

import { ringLayout } from './graph-layout';

const nodes = [
  { id: 'c4', name: 'Oslo', hubId: 'eu' },
  { id: 'c1', name: 'Nairobi', hubId: 'esa' },
  { id: 'c3', name: 'Berlin', hubId: 'eu' },
  { id: 'c2', name: 'Cape Town', hubId: 'esa' },
];

describe('ringLayout', () => {
  it('gives the same positions whatever order the cities come in', () => {
    expect(ringLayout([...nodes].reverse())).toEqual(ringLayout(nodes));
  });

  it('groups the cities by hub and by name, from the top, clockwise, with a gap between hubs', () => {
    const placed = ringLayout(nodes);
    expect(placed.map((p) => p.id)).toEqual(['c2', 'c1', 'c3', 'c4']);
    // Six slots (four cities, two gaps): Cape Town at the top, Nairobi a sixth of the ring further.
    expect(placed[0]).toMatchObject({ x: 0, y: -100, side: 'right', rotate: 90 });
    expect(placed[1].x).toBeCloseTo(86.603);
    expect(placed[1].y).toBeCloseTo(-50);
    // Berlin after the gap: at the bottom.
    expect(placed[2]).toMatchObject({ x: 0, y: 100 });
  });

  it('turns every name outwards and keeps it readable (never upside down)', () => {
    const many = Array.from({ length: 24 }, (_, i) => ({ id: `c${i}`, name: `City ${String(i).padStart(2, '0')}`, hubId: 'h' }));
    for (const p of ringLayout(many)) {
      expect(p.rotate).toBeGreaterThanOrEqual(-90);
      expect(p.rotate).toBeLessThanOrEqual(90);
      expect(p.side).toBe(p.x >= 0 ? 'right' : 'left');
    }
  });

  it('puts a single city at the top and nothing for no city', () => {
    expect(ringLayout([nodes[0]])).toEqual([{ id: 'c4', x: 0, y: -100, side: 'right', rotate: 90 }]);
    expect(ringLayout([])).toEqual([]);
  });
});

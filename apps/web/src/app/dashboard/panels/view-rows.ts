import { CommitmentStatus, DashboardGraph, DashboardMapCity } from '@impact/contracts';

/** One city of the map, as its table shows it. */
export interface MapTableRow {
  id: string;
  name: string;
  hubName: string;
  engagements: number;
  status: CommitmentStatus | null;
}

/** One "who learned from whom" pair of the peer-learning graph. */
export interface LearningRow {
  fromId: string;
  fromName: string;
  toId: string;
  toName: string;
  commitments: number;
}

/** The map's cities as table rows: by hub, then by city, in the reader's collation. */
export function mapTableRows(
  cities: readonly DashboardMapCity[],
  hubs: readonly { id: string; name: string }[],
  locale: string,
): MapTableRow[] {
  const hubNames = new Map(hubs.map((h) => [h.id, h.name]));
  const collate = new Intl.Collator(locale).compare;
  return cities
    .map((c) => ({ id: c.id, name: c.name, hubName: hubNames.get(c.hubId) ?? '', engagements: c.engagements, status: c.furthestStatus }))
    .sort((a, b) => collate(a.hubName, b.hubName) || collate(a.name, b.name) || (a.id < b.id ? -1 : 1));
}

/** The graph's edges as "learned from → learning city" rows: by the city learned from, then the learner. */
export function learningRows(graph: DashboardGraph, locale: string): LearningRow[] {
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const collate = new Intl.Collator(locale).compare;
  return graph.edges
    .map((e) => ({
      fromId: e.source,
      fromName: names.get(e.source) ?? '',
      toId: e.target,
      toName: names.get(e.target) ?? '',
      commitments: e.weight,
    }))
    .sort((a, b) => collate(a.fromName, b.fromName) || collate(a.toName, b.toName) || (a.fromId + a.toId < b.fromId + b.toId ? -1 : 1));
}

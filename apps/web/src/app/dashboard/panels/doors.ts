import { CommitmentStatus, DashboardFilters, KPIS, KpiId, kpiListRoute } from '@impact/contracts';

/** Where a figure leads: the list that holds it, with the filters that reproduce it. */
export interface Door {
  route: string;
  params: Record<string, string>;
}

export function door(id: KpiId, filters: DashboardFilters, status?: CommitmentStatus): Door {
  return { route: kpiListRoute(id), params: KPIS[id].drillDown(filters, status) };
}

/**
 * The dashboard's rollups: tables the owner's functions keep (the app may only read them), in the
 * order they are rebuilt.
 */
export const DASHBOARD_VIEWS = [
  'dashboard_engagement_days',
  'dashboard_city_activity',
  'dashboard_commitment_status',
  'dashboard_commitment_days',
  'dashboard_achievements',
  'dashboard_follow_up_due',
  'dashboard_city_follow_up_due',
] as const;

export type DashboardView = (typeof DASHBOARD_VIEWS)[number];

/**
 * The rollups' pre-folded totals (per hub, per hub and status, per city; and the day they are as of):
 * kept by triggers on the rollups, so the owner's fold and rebuild keep them too. The app only reads them.
 */
export const DASHBOARD_TOTALS = [
  'dashboard_hub_totals',
  'dashboard_hub_statuses',
  'dashboard_hub_achievement_days',
  'dashboard_city_days',
  'dashboard_totals_day',
] as const;

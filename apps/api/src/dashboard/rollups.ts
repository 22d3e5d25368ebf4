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

import { Initial1764064800000 } from './1764064800000-initial';
import { DashboardRollups1764100000000 } from './1764100000000-dashboard-rollups';
import { DashboardCityRollups1764100000001 } from './1764100000001-dashboard-city-rollups';
import { DashboardLeanRollups1764100000002 } from './1764100000002-dashboard-lean-rollups';
import { DashboardRefreshFunction1764200000000 } from './1764200000000-dashboard-refresh-function';
import { LoginLimits1764200000001 } from './1764200000001-login-limits';
import { FollowThrough1764300000000 } from './1764300000000-follow-through';

/** Every migration in order, listed by hand: the API is bundled by webpack, so no file globs. */
export const MIGRATIONS = [
  Initial1764064800000,
  DashboardRollups1764100000000,
  DashboardCityRollups1764100000001,
  DashboardLeanRollups1764100000002,
  DashboardRefreshFunction1764200000000,
  LoginLimits1764200000001,
  FollowThrough1764300000000,
];

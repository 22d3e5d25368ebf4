import { LoginResponse, Role, UserSummary } from '@impact/contracts';

export function user(role: Role = 'admin', overrides: Partial<UserSummary> = {}): UserSummary {
  return {
    id: `u-${role}`,
    email: `${role}@example.org`,
    name: `Test ${role}`,
    role,
    hubIds: role === 'hub_manager' ? ['hub-1'] : [],
    cityIds: role === 'city_liaison' ? ['city-1'] : [],
    language: 'en',
    ...overrides,
  };
}

/** An unsigned JWT-shaped token whose `exp` the client reads to schedule its refresh. */
export function jwt(expEpochSeconds: number, sub = 'u'): string {
  const part = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub, exp: expEpochSeconds })}.sig`;
}

export function loginResponse(role: Role = 'admin', now = Date.now(), ttlSeconds = 900, tag = '1'): LoginResponse {
  return {
    accessToken: jwt(Math.floor(now / 1000) + ttlSeconds, tag),
    refreshToken: `refresh-${tag}`,
    expiresIn: ttlSeconds,
    user: user(role),
  };
}

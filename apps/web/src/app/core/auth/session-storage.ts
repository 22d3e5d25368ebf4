import { UserSummary } from '@impact/contracts';

/** What survives a reload: the token pair, when the access token expires, and who it belongs to. */
export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds at which the access token stops working. */
  expiresAt: number;
  user: UserSummary | null;
}

export const SESSION_STORAGE_KEY = 'impact.session';

export function readSession(): StoredSession | null {
  try {
    const raw = localStorage.getItem(SESSION_STORAGE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<StoredSession>;
    if (typeof value.accessToken !== 'string' || typeof value.refreshToken !== 'string') return null;
    return {
      accessToken: value.accessToken,
      refreshToken: value.refreshToken,
      expiresAt: typeof value.expiresAt === 'number' ? value.expiresAt : 0,
      user: value.user ?? null,
    };
  } catch {
    return null;
  }
}

export function writeSession(session: StoredSession): void {
  try {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  } catch {
    // Storage unavailable: the session lasts until the tab closes.
  }
}

export function clearSession(): void {
  try {
    localStorage.removeItem(SESSION_STORAGE_KEY);
  } catch {
    // Nothing stored to clear.
  }
}

/**
 * When the access token expires: its `exp` claim when it is a readable JWT, else now + `expiresIn`.
 * The claim is only read to schedule a refresh; the server is the one that verifies the token.
 */
export function expiryOf(accessToken: string, expiresInSeconds: number | undefined, now = Date.now()): number {
  const payload = accessToken.split('.')[1];
  if (payload) {
    try {
      const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
      const exp = (JSON.parse(json) as { exp?: unknown }).exp;
      if (typeof exp === 'number') return exp * 1000;
    } catch {
      // Not a JWT we can read: fall back to expiresIn.
    }
  }
  return now + (expiresInSeconds ?? 0) * 1000;
}

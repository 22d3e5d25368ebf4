import { isIP } from 'node:net';

/** What Express's `trust proxy` setting accepts from an environment variable. */
export type TrustProxy = boolean | number | string[];

export const TRUST_PROXY_MESSAGE =
  'must be true, false, a number of proxy hops, or a comma-separated list of loopback, linklocal, uniquelocal, IP addresses and CIDR ranges (e.g. loopback,10.0.0.0/8)';

const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isSubnet(item: string): boolean {
  const [address, range, ...rest] = item.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (range === undefined) return true;
  if (/^\d{1,3}$/.test(range)) return Number(range) <= (family === 4 ? 32 : 128);
  // An IPv4 netmask (255.255.0.0), as proxy-addr accepts.
  return family === 4 && isIP(range) === 4;
}

/**
 * Reads TRUST_PROXY the way Express reads `trust proxy`: `true`/`false`, a hop count, or addresses,
 * subnets and the names loopback, linklocal, uniquelocal. Null when the value is none of these, so a
 * typo stops the start instead of silently trusting nothing (or everything).
 */
export function parseTrustProxy(raw: string): TrustProxy | null {
  const value = raw.trim();
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  const items = value.split(',').map((s) => s.trim());
  if (items.some((item) => item === '')) return null;
  return items.every((item) => NAMED.has(item) || isSubnet(item)) ? items : null;
}

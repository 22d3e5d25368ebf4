import { createHash, randomBytes } from 'node:crypto';
import { adminOnly, everyone, type MatrixRow, type MatrixWorld } from '../matrix';

/** A user of its own, straight into the table (an invitation or a new password touches nobody else). */
async function freshUser(w: MatrixWorld): Promise<string> {
  const [{ id }] = (await w.db.query(
    `INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'Matrix invitee', 'leadership', '') RETURNING id`,
    [`invitee-${w.unique()}@impact.test`],
  )) as { id: string }[];
  return id;
}

/** A live set-password link of a fresh user; its token. */
async function freshLink(w: MatrixWorld): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await w.db.query(
    `INSERT INTO password_links (user_id, purpose, language, token_hash, expires_at) VALUES ($1, 'invite', 'en', $2, now() + interval '72 hours')`,
    [await freshUser(w), createHash('sha256').update(token).digest('hex')],
  );
  return token;
}

export const accountsRows: MatrixRow[] = [
  {
    route: 'POST /api/users/{id}/invite',
    request: async (w) => ({ path: `/api/users/${await freshUser(w)}/invite`, body: {} }),
    expect: adminOnly(201),
  },
  {
    route: 'POST /api/auth/password-reset',
    // The same 204 for everyone, signed in or not, whether the address has an account or not.
    request: (w) => ({ path: '/api/auth/password-reset', body: { email: `nobody-${w.unique()}@impact.test` } }),
    expect: everyone(204),
  },
  {
    route: 'GET /api/auth/password-links/{token}',
    request: async (w) => ({ path: `/api/auth/password-links/${await freshLink(w)}` }),
    expect: everyone(200),
  },
  {
    route: 'POST /api/auth/password',
    request: async (w) => ({ path: '/api/auth/password', body: { token: await freshLink(w), password: 'a-long-enough-passphrase' } }),
    expect: everyone(204),
  },
];

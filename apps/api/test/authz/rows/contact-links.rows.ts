import { createHash, randomBytes } from 'node:crypto';
import { everyone, type MatrixRow, type MatrixWorld, type PrincipalName } from '../matrix';
import { freshFollowUp } from './core-fixtures';

/** Who may edit a follow-up of city A (hub X): the same people send, list and revoke its contact links. */
const editorsOfA = (ok: number): Record<PrincipalName, number> => ({
  anonymous: 401,
  liaisonA: ok,
  liaisonB: 404,
  managerX: ok,
  managerY: 403,
  leadership: 403,
  admin: ok,
});

/** A live link on a fresh follow-up of city A, straight into the table; its id and its token. */
async function freshLink(w: MatrixWorld): Promise<{ followUpId: string; linkId: string; token: string }> {
  const followUpId = await freshFollowUp(w);
  const token = randomBytes(32).toString('base64url');
  const rows = (await w.db.query(
    `INSERT INTO follow_up_contact_links (follow_up_id, name, email, language, token_hash, expires_at)
     VALUES ($1, 'Amina', $2, 'en', $3, now() + interval '14 days') RETURNING id`,
    [followUpId, `contact-${w.unique()}@city.test`, createHash('sha256').update(token).digest('hex')],
  )) as { id: string }[];
  return { followUpId, linkId: rows[0].id, token };
}

export const contactLinksRows: MatrixRow[] = [
  {
    route: 'POST /api/follow-ups/{id}/contact-links',
    request: async (w) => ({
      path: `/api/follow-ups/${await freshFollowUp(w)}/contact-links`,
      body: { name: 'Amina', email: `contact-${w.unique()}@city.test`, language: 'ar' },
    }),
    expect: editorsOfA(201),
  },
  {
    route: 'GET /api/follow-ups/{id}/contact-links',
    request: async (w) => ({ path: `/api/follow-ups/${(await freshLink(w)).followUpId}/contact-links` }),
    expect: editorsOfA(200),
  },
  {
    route: 'GET /api/follow-ups/{id}/contact-links/contacts',
    request: async (w) => ({ path: `/api/follow-ups/${(await freshLink(w)).followUpId}/contact-links/contacts` }),
    expect: editorsOfA(200),
  },
  {
    route: 'DELETE /api/follow-ups/{id}/contact-links/{linkId}',
    request: async (w) => {
      const link = await freshLink(w);
      return { path: `/api/follow-ups/${link.followUpId}/contact-links/${link.linkId}` };
    },
    expect: editorsOfA(204),
  },
  {
    route: 'GET /api/public/follow-up-links/{token}',
    request: async (w) => ({ path: `/api/public/follow-up-links/${(await freshLink(w)).token}` }),
    expect: everyone(200),
  },
  {
    route: 'POST /api/public/follow-up-links/{token}',
    request: async (w) => ({ path: `/api/public/follow-up-links/${(await freshLink(w)).token}`, body: { done: true } }),
    expect: everyone(200),
  },
];

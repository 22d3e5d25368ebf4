import type { StoryDetail } from '@impact/contracts';
import type { TestApp } from './test-app';

/** What the helpers need of a test app (a `TestApp` or a demo spec). */
type App = Pick<TestApp, 'http' | 'dataSource'>;

/** The `Authorization` header of a signed-in user. */
export type AuthHeader = Record<string, string>;

/** The demo's achieved Nansana commitment, the one the story specs draft from. */
export const NEIGHBOURHOOD_WATCH = 'Neighbourhood Watch as an early-warning mechanism';

/** Creates a story through the real route as `auth`; anything but 201 fails the test. */
export async function createStory(t: App, auth: AuthHeader, body: object): Promise<StoryDetail> {
  return (await t.http.post('/api/stories').set(auth).send(body).expect(201)).body as StoryDetail;
}

/** Drafts a story from the demo commitment titled `commitmentTitle` as `auth`; anything but 201 fails the test. */
export async function draftFromCommitment(
  t: App,
  auth: AuthHeader,
  body: object = {},
  commitmentTitle = NEIGHBOURHOOD_WATCH,
): Promise<StoryDetail> {
  const [{ id }] = (await t.dataSource.query(`SELECT id FROM commitments WHERE title = $1`, [commitmentTitle])) as { id: string }[];
  return (await t.http.post(`/api/stories/draft-from-commitment/${id}`).set(auth).send(body).expect(201)).body as StoryDetail;
}

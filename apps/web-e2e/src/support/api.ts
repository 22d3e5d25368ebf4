import { expect, type APIRequestContext } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { demoUser } from './session';

/**
 * Test data through the API, for the steps a test is not about. Each helper signs in as a demo user
 * (the same sign-in the app uses) and fails loudly with the server's answer when a call is refused.
 */

/** A title no other test (or worker, or earlier run) uses. */
export function unique(prefix: string): string {
  return `${prefix} ${randomUUID().slice(0, 8)}`;
}

export class Api {
  private constructor(
    private readonly request: APIRequestContext,
    private readonly token: string,
  ) {}

  static async as(request: APIRequestContext, email: string): Promise<Api> {
    const user = demoUser(email);
    const res = await request.post('/api/auth/login', { data: { email: user.email, password: user.password } });
    expect(res.status(), `sign-in of ${email}`).toBe(200);
    const body = (await res.json()) as { accessToken: string };
    return new Api(request, body.accessToken);
  }

  /** The first story on the public page (no sign-in). */
  static async firstPublicStoryId(request: APIRequestContext): Promise<string> {
    const res = await request.get('/api/public/stories');
    expect(res.ok(), `public stories answered ${res.status()}`).toBe(true);
    const list = (await res.json()) as { items: { id: string }[] };
    expect(list.items.length, 'published stories').toBeGreaterThan(0);
    return list.items[0].id;
  }

  async call<T>(method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown): Promise<T> {
    const res = await this.request.fetch(`/api/${path}`, {
      method,
      data: data as Record<string, unknown> | undefined,
      headers: { Authorization: `Bearer ${this.token}` },
    });
    expect(res.ok(), `${method} ${path} answered ${res.status()}: ${await res.text()}`).toBe(true);
    return (await res.json()) as T;
  }

  /** The first record of a list (fails when the list is empty). */
  async firstId(path: string): Promise<string> {
    const page = await this.call<{ items: { id: string }[] }>('GET', path);
    expect(page.items.length, `${path} should not be empty`).toBeGreaterThan(0);
    return page.items[0].id;
  }

  /** A city's id by its exact name. */
  async cityId(name: string): Promise<string> {
    const page = await this.call<{ items: { id: string; name: string }[] }>('GET', `cities?q=${encodeURIComponent(name)}&pageSize=20`);
    const city = page.items.find((c) => c.name === name);
    expect(city, `city ${name}`).toBeDefined();
    return (city as { id: string }).id;
  }

  async createCommitment(title: string, cityName = 'Nansana'): Promise<string> {
    const cityId = await this.cityId(cityName);
    const created = await this.call<{ id: string }>('POST', 'commitments', {
      title,
      kind: 'neighbourhood_watch',
      cityId,
      description: 'A Neighbourhood Watch as early warning, set up for an end-to-end test.',
    });
    return created.id;
  }

  async moveCommitment(id: string, to: string, note: string): Promise<void> {
    await this.call('POST', `commitments/${id}/transitions`, { to, note });
  }

  async addOutcome(commitmentId: string, cityName = 'Nansana'): Promise<void> {
    await this.call('POST', 'outcomes', {
      commitmentId,
      cityId: await this.cityId(cityName),
      date: new Date().toISOString().slice(0, 10),
      type: 'people_trained',
      value: 150,
      unit: 'people trained',
      description: 'Municipal officials, community leaders and youth trained for the Neighbourhood Watch.',
    });
  }

  /** A commitment for Nansana carried to achieved (in progress, an outcome, achieved). */
  async achievedCommitment(title: string): Promise<string> {
    const id = await this.createCommitment(title);
    await this.moveCommitment(id, 'in_progress', 'Work started.');
    await this.addOutcome(id);
    await this.moveCommitment(id, 'achieved', 'The pilot runs.');
    return id;
  }

  /** A story drafted from a commitment, its checklist confirmed and sent to review. */
  async storyInReview(commitmentId: string, title: string): Promise<string> {
    const draft = await this.call<{ id: string; version: number }>('POST', `stories/draft-from-commitment/${commitmentId}`, {
      language: 'en',
    });
    await this.call('PATCH', `stories/${draft.id}`, {
      version: draft.version,
      title,
      sensitivity: { consentForNamedPeople: true, noDetailsExposingIndividuals: true, cityAgreedToPublication: true },
    });
    await this.call('POST', `stories/${draft.id}/transitions`, { to: 'in_review' });
    return draft.id;
  }
}

import type { LoginResponse } from '@impact/contracts';
import type { Agent } from 'supertest';
import demoUsers from '../src/database/demo/demo-users.json';

/** Signs a demo user in through the real route and returns the session. */
export async function demoSignIn(http: Agent, email: string): Promise<LoginResponse> {
  const demo = (demoUsers as { email: string; password: string }[]).find((u) => u.email === email);
  if (!demo) throw new Error(`${email} is not a demo user`);
  const res = await http.post('/api/auth/login').send({ email: demo.email, password: demo.password });
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as LoginResponse;
}

/** GET as a signed-in user; anything but 200 fails the test with what the API said. */
export async function getOk<T>(http: Agent, token: string | undefined, path: string, who = 'the caller'): Promise<T> {
  const res = await http.get(path).set('Authorization', `Bearer ${token}`);
  if (res.status !== 200) throw new Error(`${path} as ${who}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

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

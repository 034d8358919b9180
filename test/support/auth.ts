import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DEMO_PASSWORD } from '../../src/users/demo-users';

export { DEMO_PASSWORD };

/**
 * Logs a user in through the API and answers the bearer token. Fails the test with the answer's
 * status and message when the login is refused.
 */
export async function login(app: INestApplication, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await request(app.getHttpServer()).post('/api/auth/login').send({ username, password });
  if (res.status !== 200 || typeof res.body?.accessToken !== 'string') {
    throw new Error(`Login of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body.accessToken as string;
}

/** `Authorization` header value for a token: `.set(...bearer(token))`. */
export function bearer(token: string): [string, string] {
  return ['Authorization', `Bearer ${token}`];
}

import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { login } from './auth';

/** A logged-in HTTP client for one demo user: `as.get('/api/projects')`. */
export interface Client {
  get(url: string): request.Test;
  post(url: string, body?: object): request.Test;
  patch(url: string, body?: object): request.Test;
  put(url: string, body?: object): request.Test;
  delete(url: string, body?: object): request.Test;
}

/**
 * A supertest parser that keeps the body as the bytes sent (a ZIP, or JSON compared byte for
 * byte): `client.get(url).buffer(true).parse(rawBytes)`, then `res.body` is a Buffer.
 */
export function rawBytes(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** `lang` sets Accept-Language, for tests that assert the English texts; the API's default is Slovene. */
export async function clientFor(app: INestApplication, username: string, lang?: 'sl' | 'en'): Promise<Client> {
  const token = await login(app, username);
  const server = app.getHttpServer();
  const auth = (t: request.Test) => {
    t.set('Authorization', `Bearer ${token}`);
    return lang ? t.set('Accept-Language', lang) : t;
  };
  return {
    get: (url) => auth(request(server).get(url)),
    post: (url, body) => auth(request(server).post(url)).send(body ?? {}),
    patch: (url, body) => auth(request(server).patch(url)).send(body ?? {}),
    put: (url, body) => auth(request(server).put(url)).send(body ?? {}),
    delete: (url, body) => auth(request(server).delete(url)).send(body ?? {}),
  };
}

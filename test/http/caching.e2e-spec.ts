import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp } from '../support/app';
import { bearer, login } from '../support/auth';

/** What a browser or proxy may keep: the web pages' files revalidate by ETag; API answers are never kept. */
describe('caching headers', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let admin: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    ({ app, close } = await createTestApp());
    admin = await login(app, 'admin');
  });
  afterAll(() => close());

  it('gives the web pages and their files an ETag, and answers a matching If-None-Match with 304', async () => {
    for (const path of ['/', '/assets/app.js']) {
      const first = await http().get(path).expect(200);
      expect(first.headers.etag).toMatch(/^W\/"/);
      await http().get(path).set('If-None-Match', first.headers.etag as string).expect(304);
    }
  });

  it('answers the API with no-store and no ETag', async () => {
    const res = await http().get('/api/projects').set(...bearer(admin)).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBeUndefined();
  });
});

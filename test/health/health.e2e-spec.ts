import request from 'supertest';
import { createTestApp, TestApp } from '../support/app';

/** What a load balancer asks: is the process alive, and may it get traffic. */
describe('health for a load balancer', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { DEMO_DATA: 'false' } });
  });
  afterAll(() => t.close());

  it('answers /health/live without a login and without asking anything else', async () => {
    await request(t.app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
  });

  it('is ready with the database reachable and every migration run; Redis is not needed without REDIS_URL', async () => {
    const res = await request(t.app.getHttpServer()).get('/health/ready').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok', redis: 'not configured', migrations: 'ok' });
  });
});

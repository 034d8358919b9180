import request from 'supertest';
import { createTestApp, TestApp } from '../support/app';
import { bearer, login } from '../support/auth';
import { Fuzzer, FuzzFigures, writeRoutes } from './fuzz-harness';

/**
 * Property-based requests over HTTP to every write route of the app, as the admin, as a role the
 * route admits and now and then as someone it does not. `npm test` sends FUZZ_REQUESTS (2,000 by
 * default); `npm run fuzz` sends 20,000. FUZZ_SEED replays a run.
 */
const COUNT = Number(process.env.FUZZ_REQUESTS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

describe(`fuzzing every write route (${COUNT} requests, seed ${SEED})`, () => {
  let t: TestApp;
  let figures: FuzzFigures;

  beforeAll(async () => {
    t = await createTestApp({ env: { REMINDER_INTERVAL_SECONDS: '0' } });
    // Fuzzed logins come from many addresses, so the throttle never locks out the actors' own logins.
    (t.app.getHttpAdapter().getInstance() as { set(key: string, value: unknown): void }).set('trust proxy', 1);
  });
  afterAll(() => t.close());

  it(
    'answers every request without a 5xx or a leak, names the field of every refusal, and a refusal changes no row',
    async () => {
      const admin = await login(t.app, 'admin');
      // The users routes only ever touch throwaway users, so the actors' own tokens stay valid.
      const spare: string[] = [];
      for (const [i, role] of (['project_manager', 'auditor', 'coordinator'] as const).entries()) {
        const res = await request(t.app.getHttpServer())
          .post('/api/users')
          .set(...bearer(admin))
          .send({ username: `fuzz-${i}`, displayName: `Fuzz ${i}`, password: 'dolgo-geslo-fuzz', role });
        spare.push(String(res.body.id));
      }
      const fuzzer = new Fuzzer(t.app, (route) => (route.pattern.startsWith('/api/users/') ? spare : []));
      await fuzzer.start();
      const routes = writeRoutes(t.app);
      expect(routes.length).toBeGreaterThan(40);
      figures = await fuzzer.run(routes, COUNT, SEED);
      // The figures of the run, for the record (the closing note of a fuzz campaign quotes them).
      console.log(
        `${figures.requests} requests over ${routes.length} write routes in ${(figures.ms / 1000).toFixed(1)} s: ${figures.serverErrors} × 5xx; by status ${JSON.stringify(figures.byStatus)}`,
      );
      expect(figures.findings.slice(0, 30)).toEqual([]);
      expect(figures.requests).toBe(COUNT);
    },
    Math.max(120_000, COUNT * 60),
  );

  it('leaves an audit chain that verifies', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/audit/verify').set(...bearer(await login(t.app, 'admin'))).expect(200);
    expect(res.body).toMatchObject({ ok: true });
  });
});

import JSZip from 'jszip';
import { DEMO_PASSWORD } from '../../src/users/demo-users';
import { inspectPdf } from '../support/pdf-text';

/**
 * The scale path, run by .ci/scale-path against real processes: two app instances (SCALE_A,
 * SCALE_B) on one PostgreSQL and one Redis, and one `npm run worker`. Nothing another instance
 * needs may live in one process's memory. The instances trust one proxy (TRUST_PROXY=1), so each
 * test logs in from its own client address and no test's failures block another's logins.
 */
const A = process.env.SCALE_A ?? '';
const B = process.env.SCALE_B ?? '';
const run = Boolean(A && B);
const client = `10.${Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 200)}`;

async function call(base: string, path: string, init: { method?: string; token?: string; body?: unknown; ip?: string } = {}) {
  const res = await fetch(base + path, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: {
      'Content-Type': 'application/json',
      'X-Forwarded-For': init.ip ?? `${client}.1`,
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  return res;
}

async function login(base: string, username: string, ip = `${client}.1`): Promise<string> {
  const res = await call(base, '/api/auth/login', { body: { username, password: DEMO_PASSWORD }, ip });
  if (res.status !== 200) throw new Error(`login of ${username} on ${base}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

(run ? describe : describe.skip)(`two app instances, one worker${run ? '' : ' (skipped: SCALE_A and SCALE_B are not set; .ci/scale-path sets them)'}`, () => {
  it('are both ready, with the database, Redis and every migration', async () => {
    for (const base of [A, B]) {
      const res = await call(base, '/health/ready');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok', database: 'ok', redis: 'ok', migrations: 'ok' });
    }
  });

  it('count failed logins together: 5 on one and 5 on the other block the 11th on either', async () => {
    const ip = `${client}.2`;
    for (let i = 0; i < 10; i++) {
      const res = await call(i % 2 ? B : A, '/api/auth/login', { body: { username: 'revizor', password: `narobe-${i}` }, ip });
      expect(res.status).toBe(401);
    }
    for (const base of [A, B]) {
      const res = await call(base, '/api/auth/login', { body: { username: 'revizor', password: DEMO_PASSWORD }, ip });
      expect(res.status).toBe(429);
    }
  });

  it('refuse on one instance a token revoked on the other', async () => {
    const token = await login(A, 'vodja', `${client}.3`);
    expect((await call(B, '/api/auth/me', { token, ip: `${client}.3` })).status).toBe(200);
    expect((await call(A, '/api/auth/logout', { method: 'POST', token, ip: `${client}.3` })).status).toBeLessThan(300);
    expect((await call(B, '/api/auth/me', { token, ip: `${client}.3` })).status).toBe(401);
    expect((await call(A, '/api/auth/me', { token, ip: `${client}.3` })).status).toBe(401);
  });

  it('hand a batch job submitted on one to the worker, and its ZIP out on the other: one PDF per project, each reading back', async () => {
    const ip = `${client}.4`;
    const token = await login(A, 'koordinator', ip);
    const submitted = await call(A, '/api/jobs', { token, ip, body: { type: 'annual-reports', input: { year: 2020, formats: ['pdf'] } } });
    expect(submitted.status).toBe(201);
    const { id } = (await submitted.json()) as { id: string };
    type JobView = { state: string; progress: number; result: { files: number } | null; failedReason: string | null };
    // Cast, not annotated: an annotated `null` would narrow `job` to null in the loop's condition.
    let job = null as JobView | null;
    const seen = new Set<number>();
    for (let i = 0; i < 600 && !['completed', 'failed', 'cancelled'].includes(job?.state ?? ''); i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      job = (await (await call(B, `/api/jobs/${id}`, { token, ip })).json()) as JobView;
      seen.add(job!.progress);
    }
    expect(job).toMatchObject({ state: 'completed', progress: 100, failedReason: null });
    const zipRes = await call(B, `/api/jobs/${id}/result`, { token, ip });
    expect(zipRes.status).toBe(200);
    const zip = await JSZip.loadAsync(Buffer.from(await zipRes.arrayBuffer()));
    const summary = (await (await call(B, '/api/indicators/summary?year=2020', { token, ip })).json()) as { projects: { project: { code: string } }[] };
    const codes = summary.projects.map((p) => p.project.code).sort();
    expect(codes.length).toBeGreaterThan(1);
    expect(Object.keys(zip.files).sort()).toEqual(codes.map((code) => `letno-porocilo-${code}-2020.pdf`).sort());
    for (const code of codes) {
      const pdf = await inspectPdf(await zip.files[`letno-porocilo-${code}-2020.pdf`].async('nodebuffer'));
      expect(pdf.text).toContain(code);
    }
    // Another user does not see the job on either instance.
    const other = await login(B, 'vodja', ip);
    expect((await call(A, `/api/jobs/${id}`, { token: other, ip })).status).toBe(404);
  });
});

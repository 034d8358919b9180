import { createHash } from 'node:crypto';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/app';
import { login } from '../support/auth';
import { Client, clientFor } from '../support/http';
import { submitReport } from '../support/submit-report';

/**
 * The rule a lock keeps: a report regenerated for a locked year equals the submitted one unless a
 * correction was recorded. Every path around the lock that would change a figure the locked report
 * shows (an earlier year's value, which reaches it through to-date and running totals; the
 * indicator's name, unit label or baseline) is refused, and regenerating gives the submitted bytes.
 */
describe('a submitted year stays as submitted', () => {
  let t: TestApp;
  let koordinator: Client;
  let vodja: Client;
  let ind: Record<string, number>;

  beforeAll(async () => {
    t = await createTestApp();
    [koordinator, vodja] = await Promise.all(['koordinator', 'vodja'].map((u) => clientFor(t.app, u, 'en')));
    ind = Object.fromEntries(((await vodja.get('/api/projects/AS/indicators').expect(200)).body as { id: number; code: string }[]).map((i) => [i.code, i.id]));
  });
  afterAll(() => t.close());

  const regenerated = async (format: 'pdf' | 'xlsx', date: string) => {
    const res = await request(t.app.getHttpServer())
      .get(`/api/projects/AS/reports/annual?year=2020&format=${format}&date=${date}&current=true`)
      .set('Authorization', `Bearer ${await login(t.app, 'koordinator')}`)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    return createHash('sha256').update(res.body as Buffer).digest('hex');
  };

  it('refuses the paths around the lock and regenerates the submitted bytes', async () => {
    // A 2019 value first, so that there is an earlier year whose change would reach 2020.
    await vodja.post(`/api/indicators/${ind['AS-U1']}/values`, { periodStart: '2019-10-01', periodEnd: '2019-12-31', value: '20' }).expect(201);
    const submitted = await submitReport(koordinator, 'AS', { year: 2020 });
    const files = submitted.files;
    const date = submitted.submittedAt.slice(0, 10);

    const [value2019] = (await vodja.get(`/api/indicators/${ind['AS-U1']}/values?year=2019`).expect(200)).body;
    await vodja.patch(`/api/values/${value2019.id}`, { version: value2019.version, value: '21', reason: 'Naknadno' }).expect(423);
    await vodja.post(`/api/indicators/${ind['AS-U1']}/values`, { periodStart: '2019-09-23', periodEnd: '2019-09-30', value: '1' }).expect(423);
    await koordinator.patch(`/api/indicators/${ind['AS-U1']}`, { name: 'Drugačno ime kazalnika' }).expect(423);
    await koordinator.patch(`/api/indicators/${ind['AS-U1']}`, { unitLabel: 'udeleženci' }).expect(423);
    await koordinator.patch(`/api/indicators/${ind['AS-R1']}`, { baselineValue: '10' }).expect(423);

    for (const file of files) await expect(regenerated(file.format, date)).resolves.toBe(file.sha256);
  });
});

function binary(res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

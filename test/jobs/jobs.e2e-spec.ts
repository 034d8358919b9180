import JSZip from 'jszip';
import { JobRegistry } from '../../src/jobs/job-registry';
import { Client, clientFor, rawBytes } from '../support/http';
import { createTestApp, TestApp } from '../support/app';
import { inspectPdf } from '../support/pdf-text';

/**
 * Batch jobs without Redis: the app process runs them itself, through the same API as BullMQ
 * workers (the CI's scale run drives that path with two instances and a worker).
 */
describe('batch jobs in the app process', () => {
  let t: TestApp;
  let koordinator: Client;
  let vodja: Client;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestApp();
    [koordinator, vodja, admin] = await Promise.all(['koordinator', 'vodja', 'admin'].map((u) => clientFor(t.app, u)));
  });
  afterAll(() => t.close());

  async function finished(client: Client, id: string): Promise<Record<string, unknown>> {
    for (let i = 0; i < 600; i++) {
      const res = await client.get(`/api/jobs/${id}`).expect(200);
      if (['completed', 'failed', 'cancelled'].includes(res.body.state)) return res.body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`job ${id} did not finish`);
  }

  async function zipOf(client: Client, id: string): Promise<JSZip> {
    const res = await client.get(`/api/jobs/${id}/result`).buffer(true).parse(rawBytes).expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    return JSZip.loadAsync(res.body as Buffer);
  }

  it('draws every readable project’s annual report of a year into one ZIP, one PDF per project, each reading back', async () => {
    const submitted = await koordinator.post('/api/jobs', { type: 'annual-reports', input: { year: 2020, formats: ['pdf'] } }).expect(201);
    expect(submitted.body).toMatchObject({ type: 'annual-reports', submittedBy: 'koordinator', maxAttempts: 3 });
    const job = await finished(koordinator, submitted.body.id);
    expect(job).toMatchObject({ state: 'completed', progress: 100, failedReason: null, result: { fileName: 'porocila-2020.zip', contentType: 'application/zip' } });
    const zip = await zipOf(koordinator, submitted.body.id);
    const names = Object.keys(zip.files).sort();
    expect(names.length).toBe((job.result as { files: number }).files);
    expect(names).toContain('letno-porocilo-AS-2020.pdf');
    expect(names.every((n) => /^letno-porocilo-[A-Z-]+-2020\.pdf$/.test(n))).toBe(true);
    for (const name of names) {
      const pdf = await inspectPdf(await zip.files[name].async('nodebuffer'));
      expect(pdf.text).toContain(name.replace('letno-porocilo-', '').replace('-2020.pdf', ''));
      // Stored, not deflated a second time (method 0 in the entry's header, as JSZip read it).
      expect((zip.files[name] as unknown as { _data: { compression: { magic: string } } })._data.compression.magic).toBe('\x00\x00');
    }
  });

  it('shows, hands out and cancels a job only for its submitter and admins', async () => {
    const { body } = await koordinator.post('/api/jobs', { type: 'annual-reports', input: { year: 2020, formats: ['xlsx'] } }).expect(201);
    await finished(koordinator, body.id);
    await vodja.get(`/api/jobs/${body.id}`).expect(404);
    await vodja.get(`/api/jobs/${body.id}/result`).expect(404);
    await vodja.post(`/api/jobs/${body.id}/cancel`).expect(404);
    await admin.get(`/api/jobs/${body.id}`).expect(200);
    const zip = await zipOf(admin, body.id);
    expect(Object.keys(zip.files).every((n) => n.endsWith('.xlsx'))).toBe(true);
  });

  it('refuses a bad input at once, naming the field, and an unknown job type', async () => {
    const bad = await koordinator.post('/api/jobs', { type: 'annual-reports', input: { year: 'lani', formats: ['docx'] } }).expect(422);
    expect(JSON.stringify(bad.body)).toContain('input.year');
    expect(JSON.stringify(bad.body)).toContain('input.formats');
    await koordinator.post('/api/jobs', { type: 'mine-bitcoin', input: {} }).expect(422);
  });

  it('cancels a waiting job, and keeps the failure reason of a job that failed every attempt', async () => {
    const registry = t.app.get(JobRegistry);
    let attempts = 0;
    registry.register({
      type: 'test-fails',
      prepare: async (input: unknown) => input,
      run: async () => {
        attempts += 1;
        await new Promise((resolve) => setTimeout(resolve, 300));
        throw new Error(`disk full (attempt ${attempts})`);
      },
    });
    const failing = await admin.post('/api/jobs', { type: 'test-fails', input: {} }).expect(201);
    const waiting = await admin.post('/api/jobs', { type: 'annual-reports', input: { year: 2020 } }).expect(201);
    expect((await admin.post(`/api/jobs/${waiting.body.id}/cancel`).expect(201)).body.state).toBe('cancelled');
    const failed = await finished(admin, failing.body.id);
    expect(failed).toMatchObject({ state: 'failed', attempts: 3, failedReason: 'disk full (attempt 3)' });
    expect(await finished(admin, waiting.body.id)).toMatchObject({ state: 'cancelled', failedReason: 'cancelled' });
    await admin.get(`/api/jobs/${waiting.body.id}/result`).expect(409);
  });
});

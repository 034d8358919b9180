import JSZip from 'jszip';
import { DataSource } from 'typeorm';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { JOB_BACKEND, JobBackend } from '../../src/jobs/job-backend';
import { JobRegistry } from '../../src/jobs/job-registry';
import { JobRunner } from '../../src/jobs/job-runner';
import type { JobHandler } from '../../src/jobs/job.types';
import { Client, clientFor, rawBytes } from '../support/http';
import { createTestApp, TestApp } from '../support/app';

/**
 * A job split into parts, through the same API on both queues: without Redis the app process runs
 * the parts one after the other and then the job, which assembles their files; on BullMQ (a flow)
 * a worker, here in the test's process, takes the parts and then the job. Redis is REDIS_URL or
 * 127.0.0.1:6379; a machine without it skips the BullMQ run, saying so, and CI fails instead.
 */
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisAnswers(): Promise<boolean> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on('error', () => undefined);
  const ok = await redis.connect().then(() => true, () => false);
  redis.disconnect();
  if (!ok && process.env.CI) throw new Error(`Redis at ${redisUrl} is not reachable: failing, not skipping, in CI`);
  return ok;
}

describe.each(['the app process', 'BullMQ'])('split jobs on %s', (queue) => {
  let t: TestApp;
  let skipped = false;
  let admin: Client;
  /** Part inputs each attempt ran with, in order. */
  const runs: string[] = [];

  /** A job of three parts ("a", "b", "c"); the part named in `fail` fails; `slow`: each takes a second. */
  function splitHandler(type: string, options: { fail?: string; slow?: 'all' } = {}): JobHandler<{ part?: string }> {
    return {
      type,
      prepare: async (input: unknown) => input as { part?: string },
      split: async () => [{ part: 'a' }, { part: 'b' }, { part: 'c' }],
      run: async (input, context) => {
        runs.push(`${type}:${input.part}`);
        for (let step = 1; step <= (options.slow === 'all' ? 50 : 1); step++) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          await context.progress(step * 2);
        }
        if (input.part === options.fail) throw new Error(`disk full in part ${input.part}`);
        await context.zip.add(`${input.part}.txt`, Buffer.from(`part ${input.part}`));
        await context.zip.add(`${input.part}-2.txt`, Buffer.from(`part ${input.part}, second file`));
        return { fileName: 'deli.zip' };
      },
    };
  }

  beforeAll(async () => {
    const bullmq = queue === 'BullMQ';
    if (bullmq && !(await redisAnswers())) {
      skipped = true;
      process.stdout.write(`split jobs on BullMQ: skipped, no Redis at ${redisUrl}\n`);
      return;
    }
    t = await createTestApp({ env: bullmq ? { REDIS_URL: redisUrl, JOB_QUEUE: `test-split-${process.pid}` } : {} });
    // One part at a time on both, so that the order of what ran is the same.
    if (bullmq) await t.app.get<JobBackend>(JOB_BACKEND).startWorker(t.app.get(JobRunner), 1);
    admin = await clientFor(t.app, 'admin');
    const registry = t.app.get(JobRegistry);
    registry.register(splitHandler('test-split'));
    registry.register(splitHandler('test-split-fails', { fail: 'b' }));
    registry.register(splitHandler('test-split-slow', { slow: 'all' }));
  });
  afterAll(async () => {
    await t?.close();
    if (queue === 'BullMQ' && !skipped) {
      // The test's queue goes with it.
      const leftover = new Queue(`test-split-${process.pid}`, { connection: { url: redisUrl } });
      await leftover.obliterate({ force: true });
      await leftover.close();
    }
  });

  /** Stored pieces of the job's parts' files (the job's own file is stored under its id alone). */
  async function partFiles(id: string): Promise<number> {
    const rows: { n: number | string }[] = await t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM job_file_chunk WHERE "jobId" LIKE '${id}.%'`);
    return Number(rows[0].n);
  }

  async function finished(id: string): Promise<Record<string, unknown>> {
    for (let i = 0; i < 600; i++) {
      const res = await admin.get(`/api/jobs/${id}`).expect(200);
      if (['completed', 'failed', 'cancelled'].includes(res.body.state)) return res.body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`job ${id} did not finish`);
  }

  it('runs every part and hands out one ZIP of all their files, in the parts’ order', async () => {
    if (skipped) return;
    const { body } = await admin.post('/api/jobs', { type: 'test-split', input: {} }).expect(201);
    expect(body).not.toHaveProperty('parts');
    expect(await finished(body.id)).toMatchObject({ state: 'completed', progress: 100, attempts: 1, failedReason: null, result: { fileName: 'deli.zip', files: 6 } });
    const res = await admin.get(`/api/jobs/${body.id}/result`).buffer(true).parse(rawBytes).expect(200);
    // Written from the parts' files as it is downloaded, as long as announced.
    expect(res.headers['content-length']).toBe(String((res.body as Buffer).length));
    expect((await admin.get(`/api/jobs/${body.id}`).expect(200)).body.result).toEqual({ fileName: 'deli.zip', contentType: 'application/zip', bytes: (res.body as Buffer).length, files: 6 });
    const zip = await JSZip.loadAsync(res.body as Buffer);
    expect(Object.keys(zip.files)).toEqual(['a.txt', 'a-2.txt', 'b.txt', 'b-2.txt', 'c.txt', 'c-2.txt']);
    expect(await zip.files['b-2.txt'].async('string')).toBe('part b, second file');
    // A second download is the same ZIP.
    const again = await admin.get(`/api/jobs/${body.id}/result`).buffer(true).parse(rawBytes).expect(200);
    expect((again.body as Buffer).equals(res.body as Buffer)).toBe(true);
    // A part is not a job the API answers for; its files are the ZIP's, stored once (one piece each).
    await admin.get(`/api/jobs/${body.id}.0`).expect(404);
    expect(await partFiles(body.id)).toBe(6);
  });

  it('shows the parts’ progress while they run, and cancels the parts not yet done with the job', async () => {
    if (skipped) return;
    const { body } = await admin.post('/api/jobs', { type: 'test-split-slow', input: {} }).expect(201);
    let seen: Record<string, unknown> = {};
    for (let i = 0; i < 200 && !((seen.progress as number) > 0); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      seen = (await admin.get(`/api/jobs/${body.id}`).expect(200)).body;
    }
    expect(seen).toMatchObject({ state: 'active' });
    // The first part reports up to 100 % of itself, a third of the parts' share.
    expect(seen.progress).toBeGreaterThan(0);
    expect(seen.progress).toBeLessThanOrEqual(30);
    await admin.post(`/api/jobs/${body.id}/cancel`).expect(201);
    expect(await finished(body.id)).toMatchObject({ state: 'cancelled', failedReason: 'cancelled' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // The part running stopped at its next report; the others never started.
    expect(runs.filter((run) => run.startsWith('test-split-slow:'))).toHaveLength(1);
    await admin.get(`/api/jobs/${body.id}/result`).expect(409);
    expect(await partFiles(body.id)).toBe(0);
  });

  it('fails the job with the reason of a part that failed every attempt, each part retried on its own', async () => {
    if (skipped) return;
    const { body } = await admin.post('/api/jobs', { type: 'test-split-fails', input: {} }).expect(201);
    expect(await finished(body.id)).toMatchObject({ state: 'failed', failedReason: 'disk full in part b' });
    const ran = runs.filter((run) => run.startsWith('test-split-fails:'));
    // "b" three times, "a" once; "c" (on BullMQ, while "b" waits for its retry) at most once.
    expect(ran.filter((run) => run.endsWith(':b'))).toHaveLength(3);
    expect(ran.filter((run) => run.endsWith(':a'))).toHaveLength(1);
    expect(ran.filter((run) => run.endsWith(':c')).length).toBeLessThanOrEqual(1);
    expect(await partFiles(body.id)).toBe(0);
  });
});

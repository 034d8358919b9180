import { NotFoundError } from '../../src/common/errors';
import { DataSource } from 'typeorm';
import { JobFilesRepository } from '../../src/jobs/job-files.repository';
import { JOB_BACKEND } from '../../src/jobs/job-backend';
import { JobRegistry } from '../../src/jobs/job-registry';
import { InProcessJobBackend } from '../../src/jobs/in-process-job-backend';
import { JOB_FILES_KEEP_DAYS, JobsModule } from '../../src/jobs/jobs.module';
import { JobsService } from '../../src/jobs/jobs.service';
import { createTestApp, TestApp } from '../support/app';

/**
 * Jobs' stored files: when each piece was stored, and their removal once the queue has forgotten
 * the job; and the app process's queue (no Redis here) forgetting finished jobs after a week.
 */
describe('jobs’ stored files', () => {
  let t: TestApp;
  let files: JobFilesRepository;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp({ env: { DEMO_DATA: 'false' } });
    files = t.app.get(JobFilesRepository);
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const pieces = async (prefix: string) =>
    Number((await db.query(`SELECT COUNT(*) AS n FROM job_file_chunk WHERE "jobId" LIKE '${prefix}%'`))[0].n);

  it('stamps every stored piece, and removes those stored more than two weeks ago, keeping the rest', async () => {
    const before = Date.now();
    await files.storeAll([
      { id: 'sweep-old/0', body: Buffer.alloc(3 * 1024 * 1024, 1) },
      { id: 'sweep-new/0', body: Buffer.from('poročilo') },
    ]);
    const writer = files.writer('sweep-zip');
    await new Promise<void>((resolve, reject) => writer.end(Buffer.from('a ZIP'), (error?: Error | null) => (error ? reject(error) : resolve())));
    const stamps: { storedAt: string | null }[] = await db.query(`SELECT "storedAt" FROM job_file_chunk WHERE "jobId" LIKE 'sweep-%'`);
    expect(stamps).toHaveLength(5);
    for (const { storedAt } of stamps) expect(Date.parse(storedAt!)).toBeGreaterThanOrEqual(before - 1000);

    // The old file's pieces were stored 15 days ago.
    const old = new Date(Date.now() - 15 * 24 * 3600 * 1000).toISOString();
    await db.query(`UPDATE job_file_chunk SET "storedAt" = '${old}' WHERE "jobId" = 'sweep-old/0'`);
    expect(JOB_FILES_KEEP_DAYS).toBe(14);
    expect(await t.app.get(JobsModule).sweepFiles()).toBe(3);
    expect(await pieces('sweep-old')).toBe(0);
    expect(await pieces('sweep-new')).toBe(1);
    expect((await files.readAll('sweep-zip')).toString()).toBe('a ZIP');
    // Thirteen days later nothing more is due; fifteen days later the rest is.
    expect(await t.app.get(JobsModule).sweepFiles(Date.now() + 13 * 24 * 3600 * 1000)).toBe(0);
    expect(await t.app.get(JobsModule).sweepFiles(Date.now() + 15 * 24 * 3600 * 1000)).toBe(2);
    expect(await pieces('sweep-')).toBe(0);
  });

  it('forgets a job a week after it finished, as BullMQ does, in the app process too', async () => {
    t.app.get(JobRegistry).register({ type: 'test-forget', prepare: async (input: unknown) => input, run: async () => ({ fileName: 'nic.zip' }) });
    const jobs = t.app.get(JobsService);
    const actor = { userId: 1, username: 'admin', role: 'admin' as const };
    const { id } = await jobs.submit('test-forget', {}, actor);
    for (let i = 0; i < 100 && (await jobs.get(id, actor)).state !== 'completed'; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    const finishedAt = Date.parse((await jobs.get(id, actor)).finishedAt!);
    const backend = t.app.get(JOB_BACKEND) as InProcessJobBackend;
    expect(backend).toBeInstanceOf(InProcessJobBackend);
    backend.forgetFinished(finishedAt + 6.9 * 24 * 3600 * 1000);
    expect((await jobs.get(id, actor)).state).toBe('completed');
    backend.forgetFinished(finishedAt + 7.1 * 24 * 3600 * 1000);
    await expect(jobs.get(id, actor)).rejects.toBeInstanceOf(NotFoundError);
  });
});

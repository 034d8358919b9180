import { DataSource } from 'typeorm';
import { JobFilesRepository } from '../../src/jobs/job-files.repository';
import { JOB_FILES_KEEP_DAYS, JobsModule } from '../../src/jobs/jobs.module';
import { createTestApp, TestApp } from '../support/app';

/** Jobs' stored files: when each piece was stored, and their removal once the queue has forgotten the job. */
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
});

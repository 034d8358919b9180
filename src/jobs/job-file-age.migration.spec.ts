import { JobFileAge1763850000000 } from '../database/migrations/1763850000000-job-file-age';
import { openTestDatabase, TestDatabase, testDatabaseKinds } from '../../test/support/test-databases';

/** The 1763850000000-job-file-age migration on a table that holds pieces already, on each database. */
for (const { kind, run, label } of testDatabaseKinds()) {
  (run ? describe : describe.skip)(`job-file-age migration [${label}]`, () => {
    let db: TestDatabase;

    beforeEach(async () => {
      db = await openTestDatabase(kind);
    });

    afterEach(() => db.drop());

    it('keeps the pieces stored before it and stamps them with its own time; down and up again', async () => {
      const migration = new JobFileAge1763850000000();
      const queryRunner = db.dataSource.createQueryRunner();
      try {
        // As before the migration: no storedAt, and two pieces of a job's file.
        await migration.down(queryRunner);
        await queryRunner.query(`INSERT INTO job_file_chunk ("jobId", seq, data) VALUES ('old-job', 0, 'cG9yb8SNaWxv'), ('old-job', 1, 'Wg==')`);
        const before = new Date().toISOString();
        await migration.up(queryRunner);
        const rows: { seq: number; data: string; storedAt: string }[] = await queryRunner.query(`SELECT seq, data, "storedAt" FROM job_file_chunk WHERE "jobId" = 'old-job' ORDER BY seq`);
        expect(rows.map((row) => [Number(row.seq), row.data])).toEqual([
          [0, 'cG9yb8SNaWxv'],
          [1, 'Wg=='],
        ]);
        for (const row of rows) expect(row.storedAt >= before && row.storedAt <= new Date().toISOString()).toBe(true);
      } finally {
        await queryRunner.release();
      }
    });
  });
}

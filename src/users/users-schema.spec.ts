import { Logger } from '@nestjs/common';
import { openTestDatabase, TestDatabase, testDatabaseKinds } from '../../test/support/test-databases';
import { Users1763790200000 } from '../database/migrations/1763790200000-users';
import { MIGRATIONS } from '../database/migrations';
import { fixtures } from '../../test/support/access-fixture';

const OUR_TABLES = /app_user|user_project|user_organisation/;

beforeAll(() => Logger.overrideLogger(false));

for (const { kind, run, label } of testDatabaseKinds()) {
  (run ? describe : describe.skip)(`users migration [${label}]`, () => {
    let db: TestDatabase;

    beforeEach(async () => {
      db = await openTestDatabase(kind);
    });
    afterEach(() => db.drop());

    const tables = async () => {
      const sql =
        kind === 'postgres'
          ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'"
          : "SELECT name FROM sqlite_master WHERE type = 'table'";
      return ((await db.dataSource.query(sql)) as { name: string }[]).map((t) => t.name).filter((n) => OUR_TABLES.test(n)).sort();
    };

    it('creates the tables exactly as the entities describe them (no pending schema change)', async () => {
      const pending = await db.dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query).filter((sql) => OUR_TABLES.test(sql))).toEqual([]);
    });

    it('refuses a second user with the same username', async () => {
      const f = fixtures(db.dataSource);
      await f.user('vodja', 'project_manager');
      await expect(f.user('vodja', 'auditor')).rejects.toThrow();
    });

    it('removes a deleted project from the assignments', async () => {
      const f = fixtures(db.dataSource);
      const projectId = await f.project('AS', await f.organisation('Društvo NOVUS'));
      await f.user('vodja', 'project_manager', { projects: [projectId] });
      await db.dataSource.query(`DELETE FROM project WHERE id = ${projectId}`);
      await expect(db.dataSource.query('SELECT * FROM user_project')).resolves.toEqual([]);
    });

    it('reverts and applies again', async () => {
      const migration = new Users1763790200000();
      const runner = db.dataSource.createQueryRunner();
      try {
        // Later migrations' tables refer to app_user: they are reverted first, newest first.
        const later = MIGRATIONS.slice(MIGRATIONS.indexOf(Users1763790200000) + 1).reverse();
        for (const Later of later) await new Later().down(runner);
        await migration.down(runner);
        await expect(tables()).resolves.toEqual([]);
        await migration.up(runner);
        await expect(tables()).resolves.toEqual(['app_user', 'user_organisation', 'user_project']);
      } finally {
        await runner.release();
      }
    });
  });
}

import { AuditTrail1763790100000 } from '../database/migrations/1763790100000-audit-trail';
import { openTestDatabase, TestDatabase, testDatabaseKinds } from '../../test/support/test-databases';

/** The 1763790100000-audit-trail migration (src/database/migrations), up and down, on each database. */
for (const { kind, run, label } of testDatabaseKinds()) {
  (run ? describe : describe.skip)(`audit-trail migration [${label}]`, () => {
    let db: TestDatabase;

    beforeEach(async () => {
      db = await openTestDatabase(kind);
    });

    afterEach(() => db.drop());

    const triggerNames = async (): Promise<string[]> => {
      const sql =
        kind === 'postgres'
          ? "SELECT tgname AS name FROM pg_trigger WHERE tgrelid = 'audit_entry'::regclass AND NOT tgisinternal ORDER BY 1"
          : "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_entry' ORDER BY 1";
      return ((await db.dataSource.query(sql)) as { name: string }[]).map((row) => row.name);
    };

    it('up installs the append-only triggers', async () => {
      await expect(triggerNames()).resolves.toEqual(
        kind === 'postgres' ? ['audit_entry_no_truncate', 'audit_entry_no_update_delete'] : ['audit_entry_no_delete', 'audit_entry_no_update'],
      );
    });

    it('down removes the table with its triggers, and up runs again afterwards', async () => {
      // Run directly: later migrations exist, so undoLastMigration would revert another one.
      const migration = new AuditTrail1763790100000();
      const queryRunner = db.dataSource.createQueryRunner();
      try {
        await migration.down(queryRunner);
        await expect(queryRunner.hasTable('audit_entry')).resolves.toBe(false);
        if (kind === 'postgres') {
          await expect(queryRunner.query("SELECT 1 FROM pg_proc WHERE proname = 'audit_entry_append_only'")).resolves.toEqual([]);
        }
        await migration.up(queryRunner);
      } finally {
        await queryRunner.release();
      }
      await expect(triggerNames()).resolves.toHaveLength(2);
    });
  });
}

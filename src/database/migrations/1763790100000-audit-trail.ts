import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from '../migration-helpers';

/**
 * The audit trail table, and append-only enforcement in the database itself: any UPDATE or
 * DELETE (and on PostgreSQL TRUNCATE) of audit_entry is refused, whoever sends it.
 *
 * The triggers stop mistakes and the application's own code paths; someone with DDL rights can
 * still drop them, which is what the hash chain (src/audit/hash-chain.ts) is there to reveal.
 *
 * Caution for later migrations: altering audit_entry through the Table API on SQLite rebuilds
 * the table (copy, drop, rename), and dropping a table drops its triggers. Such a migration must
 * create the SQLite triggers again (see createSqliteTriggers below).
 */
export class AuditTrail1763790100000 implements MigrationInterface {
  name = 'AuditTrail1763790100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'audit_entry',
        columns: [
          col.id(),
          col.instant('occurredAt'),
          col.int('actorUserId', true),
          col.varchar('actorUsername', 100),
          col.varchar('actorRole', 20),
          col.varchar('action', 20),
          col.varchar('entityType', 50),
          col.varchar('entityId', 100),
          col.int('projectId', true),
          col.text('before', true),
          col.text('after', true),
          col.text('reason', true),
          col.varchar('reasonCategory', 30, true),
          col.varchar('prevHash', 64, true),
          col.varchar('hash', 64),
        ],
        uniques: [
          { name: 'uq_audit_entry_hash', columnNames: ['hash'] },
          { name: 'uq_audit_entry_prev_hash', columnNames: ['prevHash'] },
        ],
        indices: [
          { name: 'ix_audit_entry_entity', columnNames: ['entityType', 'entityId'] },
          { name: 'ix_audit_entry_project', columnNames: ['projectId'] },
        ],
      }),
      false,
      true,
      true,
    );
    if (isPostgres(queryRunner)) await createPostgresTriggers(queryRunner);
    else await createSqliteTriggers(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    if (isPostgres(queryRunner)) {
      await queryRunner.query('DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_entry');
      await queryRunner.query('DROP TRIGGER IF EXISTS audit_entry_no_update_delete ON audit_entry');
      await queryRunner.query('DROP FUNCTION IF EXISTS audit_entry_append_only()');
    } else {
      await queryRunner.query('DROP TRIGGER IF EXISTS audit_entry_no_update');
      await queryRunner.query('DROP TRIGGER IF EXISTS audit_entry_no_delete');
    }
    await queryRunner.dropTable('audit_entry');
  }
}

/** Only the two drivers the product supports; anything else must not run without the triggers. */
function isPostgres(queryRunner: QueryRunner): boolean {
  const type = queryRunner.connection.driver.options.type;
  if (type === 'postgres') return true;
  if (type === 'sqlite' || type === 'better-sqlite3') return false;
  throw new Error(`AuditTrail migration: no append-only triggers written for database type '${type}'`);
}

export async function createSqliteTriggers(queryRunner: QueryRunner): Promise<void> {
  for (const [name, event] of [
    ['audit_entry_no_update', 'UPDATE'],
    ['audit_entry_no_delete', 'DELETE'],
  ]) {
    await queryRunner.query(
      `CREATE TRIGGER ${name} BEFORE ${event} ON audit_entry BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END;`,
    );
  }
}

async function createPostgresTriggers(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
    CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_entry is append-only (% refused)', TG_OP;
    END
    $$`);
  // Statement level: a refused statement fails even when it matches no row, and TRUNCATE (which
  // fires no row triggers) is covered the same way.
  await queryRunner.query(
    'CREATE TRIGGER audit_entry_no_update_delete BEFORE UPDATE OR DELETE ON audit_entry FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()',
  );
  await queryRunner.query(
    'CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()',
  );
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The batch id of an audit entry: the entries of one batch write (an import, a grid save) share
 * it, so the history can show them together.
 *
 * A plain `ALTER TABLE … ADD COLUMN` on both engines: the Table API would rebuild audit_entry on
 * SQLite and drop its append-only triggers with the old table.
 */
export class WriteBatches1763810000000 implements MigrationInterface {
  name = 'WriteBatches1763810000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "audit_entry" ADD COLUMN "batchId" varchar(36)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "audit_entry" DROP COLUMN "batchId"');
  }
}

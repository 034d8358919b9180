import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { col } from '../migration-helpers';

/**
 * When each stored piece of a job's files was written (job_file_chunk."storedAt", an ISO instant),
 * so that the files of jobs the queue has forgotten can be removed (JobFilesRepository.removeStoredBefore);
 * before, every report a job drew stayed in the database for good. The pieces already stored count
 * from this migration. ix_job_file_chunk_stored serves that removal, which otherwise reads every
 * piece: SQLite keeps a row's later columns in its overflow pages, after the megabyte of data.
 * Plans of the DELETE (2,000 and 20,000 pieces an hour apart, ANALYZEd):
 *   SQLite: `SEARCH job_file_chunk USING INDEX ix_job_file_chunk_stored (storedAt<?)`;
 *   PostgreSQL, a tenth of the pieces due: `Index Scan using ix_job_file_chunk_stored, Index Cond:
 *   ("storedAt" < …)`, cost 185 (a sequential scan, 676, is kept when nearly all are due).
 */
export class JobFileAge1763850000000 implements MigrationInterface {
  name = 'JobFileAge1763850000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('job_file_chunk', new TableColumn(col.instant('storedAt', true)));
    await queryRunner.query(`UPDATE job_file_chunk SET "storedAt" = '${new Date().toISOString()}'`);
    await queryRunner.createIndex('job_file_chunk', new TableIndex({ name: 'ix_job_file_chunk_stored', columnNames: ['storedAt'] }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('job_file_chunk', 'ix_job_file_chunk_stored');
    await queryRunner.dropColumn('job_file_chunk', 'storedAt');
  }
}

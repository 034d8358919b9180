import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from '../migration-helpers';

/** Result files of batch jobs (src/jobs), in pieces, readable by every instance. */
export class JobFiles1763830100000 implements MigrationInterface {
  name = 'JobFiles1763830100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'job_file_chunk',
        columns: [
          { ...col.varchar('jobId', 64), isPrimary: true },
          { ...col.int('seq'), isPrimary: true },
          col.text('data'),
        ],
      }),
      false,
      true,
      true,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('job_file_chunk');
  }
}

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, fk } from '../migration-helpers';

/** Submitted annual reports: the snapshot of the figures and the exact files. */
export class ReportSubmissions1763790300000 implements MigrationInterface {
  name = 'ReportSubmissions1763790300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'report_submission',
        columns: [
          col.id(),
          col.int('projectId'),
          col.int('year'),
          col.varchar('templateId', 60),
          col.varchar('lang', 2),
          col.varchar('submittedBy', 100),
          col.instant('submittedAt'),
          col.text('snapshot'),
        ],
        foreignKeys: [fk('projectId', 'project', 'RESTRICT')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'submitted_file',
        columns: [
          col.id(),
          col.int('submissionId'),
          col.varchar('format', 4),
          col.varchar('fileName', 200),
          col.varchar('sha256', 64),
          col.int('sizeBytes'),
          col.text('contentBase64'),
        ],
        foreignKeys: [fk('submissionId', 'report_submission', 'RESTRICT')],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('submitted_file');
    await queryRunner.dropTable('report_submission');
  }
}

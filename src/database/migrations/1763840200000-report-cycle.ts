import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, fk } from '../migration-helpers';

/**
 * The reporting cycle: report states and their transitions, comments on indicator years, lock
 * exceptions, and reviewers' funders.
 */
export class ReportCycle1763840200000 implements MigrationInterface {
  name = 'ReportCycle1763840200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'report_cycle',
        columns: [col.id(), col.int('projectId'), col.int('fundingPeriodId'), col.int('year'), col.varchar('state', 20), col.instant('updatedAt'), col.version()],
        uniques: [{ name: 'uq_report_cycle', columnNames: ['projectId', 'fundingPeriodId', 'year'] }],
        foreignKeys: [fk('projectId', 'project', 'CASCADE'), fk('fundingPeriodId', 'funding_period', 'CASCADE')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'report_transition',
        columns: [
          col.id(),
          col.int('reportCycleId'),
          col.varchar('action', 20),
          col.varchar('fromState', 20),
          col.varchar('toState', 20),
          col.varchar('actor', 100),
          col.instant('at'),
          col.text('comment', true),
          col.int('organisationId', true),
          col.int('submissionId', true),
        ],
        indices: [{ name: 'ix_report_transition_cycle', columnNames: ['reportCycleId'] }],
        foreignKeys: [fk('reportCycleId', 'report_cycle', 'CASCADE')],
      }),
      false,
      true,
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'indicator_comment',
        columns: [col.id(), col.int('indicatorId'), col.int('year'), col.varchar('author', 100), col.varchar('authorRole', 20), col.text('text'), col.instant('createdAt')],
        indices: [{ name: 'ix_indicator_comment', columnNames: ['indicatorId', 'year'] }],
        foreignKeys: [fk('indicatorId', 'indicator', 'CASCADE')],
      }),
      false,
      true,
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'lock_exception',
        columns: [
          col.id(),
          col.int('projectId'),
          col.int('year'),
          col.int('userId'),
          col.instant('until'),
          col.text('reason'),
          col.varchar('openedBy', 100),
          col.instant('openedAt'),
          col.varchar('closedBy', 100, true),
          col.instant('closedAt', true),
        ],
        indices: [{ name: 'ix_lock_exception', columnNames: ['projectId', 'year', 'userId'] }],
        foreignKeys: [fk('projectId', 'project', 'CASCADE'), fk('userId', 'app_user', 'CASCADE')],
      }),
      false,
      true,
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'user_funder',
        columns: [col.id(), col.int('userId'), col.int('funderId'), col.int('publicCallId', true)],
        uniques: [{ name: 'uq_user_funder', columnNames: ['userId', 'funderId', 'publicCallId'] }],
        foreignKeys: [fk('userId', 'app_user', 'CASCADE'), fk('funderId', 'funder', 'CASCADE'), fk('publicCallId', 'public_call', 'CASCADE')],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['user_funder', 'lock_exception', 'indicator_comment', 'report_transition', 'report_cycle']) await queryRunner.dropTable(table);
  }
}

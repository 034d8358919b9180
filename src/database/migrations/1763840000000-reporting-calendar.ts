import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, fk } from '../migration-helpers';

/** The reporting calendar: deadline rules per funder, call or contract, and users' secret iCalendar feeds. */
export class ReportingCalendar1763840000000 implements MigrationInterface {
  name = 'ReportingCalendar1763840000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'deadline_rule',
        columns: [
          col.id(),
          col.varchar('kind', 30),
          col.int('funderId', true),
          col.int('publicCallId', true),
          col.int('fundingPeriodId', true),
          col.int('month', true),
          col.int('day', true),
          col.int('daysAfterEnd', true),
          col.date('dueDate', true),
          col.int('forYear', true),
          col.varchar('title', 200),
        ],
        foreignKeys: [fk('funderId', 'funder', 'CASCADE'), fk('publicCallId', 'public_call', 'CASCADE'), fk('fundingPeriodId', 'funding_period', 'CASCADE')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'calendar_feed',
        columns: [col.id(), col.int('userId'), col.varchar('tokenHash', 64), col.instant('createdAt')],
        uniques: [
          { name: 'uq_calendar_feed_user', columnNames: ['userId'] },
          { name: 'uq_calendar_feed_token', columnNames: ['tokenHash'] },
        ],
        foreignKeys: [fk('userId', 'app_user', 'CASCADE')],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('calendar_feed');
    await queryRunner.dropTable('deadline_rule');
  }
}

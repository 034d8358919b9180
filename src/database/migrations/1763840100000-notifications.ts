import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, fk } from '../migration-helpers';

/** Notices per event and user (unique, so each is claimed once) and users' e-mail addresses for them. */
export class Notifications1763840100000 implements MigrationInterface {
  name = 'Notifications1763840100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'notification',
        columns: [
          col.id(),
          col.varchar('eventKey', 200),
          col.int('userId'),
          col.varchar('kind', 30),
          col.int('projectId', true),
          col.varchar('subject', 300),
          col.text('body'),
          col.instant('createdAt'),
          col.varchar('mailClaim', 40, true),
          col.instant('mailedAt', true),
          col.text('mailError', true),
          col.instant('readAt', true),
        ],
        uniques: [{ name: 'uq_notification_event_user', columnNames: ['eventKey', 'userId'] }],
        indices: [{ name: 'ix_notification_user', columnNames: ['userId', 'createdAt'] }],
        foreignKeys: [fk('userId', 'app_user', 'CASCADE')],
      }),
      false,
      true,
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_setting',
        columns: [{ ...col.int('userId'), isPrimary: true }, col.varchar('email', 200, true)],
        foreignKeys: [fk('userId', 'app_user', 'CASCADE')],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('notification_setting');
    await queryRunner.dropTable('notification');
  }
}

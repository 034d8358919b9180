import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, fk } from '../migration-helpers';

/**
 * Users and their assignments: projects (project managers, auditors) and organisations
 * (coordinators). Assignments go with the user, the project or the organisation they name.
 */
export class Users1763790200000 implements MigrationInterface {
  name = 'Users1763790200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'app_user',
        columns: [
          col.id(),
          col.varchar('username', 50),
          col.varchar('displayName', 200),
          col.varchar('passwordHash', 200),
          col.varchar('role', 20),
          // No default: col.bool's DEFAULT (true) reads back on SQLite differently from an entity
          // default, and the application always sets the flag.
          { name: 'active', type: 'boolean', isNullable: false },
          col.instant('createdAt'),
        ],
        uniques: [{ name: 'uq_app_user_username', columnNames: ['username'] }],
      }),
      false,
      true,
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'user_project',
        columns: [
          { ...col.int('userId'), isPrimary: true },
          { ...col.int('projectId'), isPrimary: true },
        ],
        foreignKeys: [fk('userId', 'app_user', 'CASCADE'), fk('projectId', 'project', 'CASCADE')],
      }),
      false,
      true,
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'user_organisation',
        columns: [
          { ...col.int('userId'), isPrimary: true },
          { ...col.int('organisationId'), isPrimary: true },
        ],
        foreignKeys: [fk('userId', 'app_user', 'CASCADE'), fk('organisationId', 'organisation', 'CASCADE')],
      }),
      false,
      true,
      true,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ['user_organisation', 'user_project', 'app_user']) await queryRunner.dropTable(name);
  }
}

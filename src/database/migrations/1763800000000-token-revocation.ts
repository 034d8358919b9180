import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { col } from '../migration-helpers';

/**
 * Tokens that end before they expire: a per-user token version (raised on deactivation, role or
 * password change) and the ids of tokens ended by logout.
 */
export class TokenRevocation1763800000000 implements MigrationInterface {
  name = 'TokenRevocation1763800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('app_user', new TableColumn(col.intDefault('tokenVersion', 0)));
    await queryRunner.createTable(
      new Table({
        name: 'revoked_token',
        columns: [{ ...col.varchar('jti', 64), isPrimary: true }, col.instant('expiresAt')],
      }),
      false,
      true,
      true,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('revoked_token');
    await queryRunner.dropColumn('app_user', 'tokenVersion');
  }
}

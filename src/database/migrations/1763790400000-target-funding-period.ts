import { MigrationInterface, QueryRunner, TableColumn, TableForeignKey } from 'typeorm';

/**
 * Ties a target to the funding period (contract) it was promised under, so that a project whose
 * contract is renewed mid-year measures each contract's figures against that contract's plan.
 * Existing targets keep null: they count for every period, as before.
 */
export class TargetFundingPeriod1763790400000 implements MigrationInterface {
  name = 'TargetFundingPeriod1763790400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('target', new TableColumn({ name: 'fundingPeriodId', type: 'integer', isNullable: true }));
    await queryRunner.createForeignKey(
      'target',
      new TableForeignKey({ columnNames: ['fundingPeriodId'], referencedTableName: 'funding_period', referencedColumnNames: ['id'], onDelete: 'RESTRICT', onUpdate: 'NO ACTION' }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const table = await queryRunner.getTable('target');
    const foreignKey = table?.foreignKeys.find((k) => k.columnNames.includes('fundingPeriodId'));
    if (foreignKey) await queryRunner.dropForeignKey('target', foreignKey);
    await queryRunner.dropColumn('target', 'fundingPeriodId');
  }
}

import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * What the funders' forms ask for and the records did not hold: the operation as the managing
 * authority registers it (number, name, priority axis, investment priority, specific objective,
 * cohesion region) on the project; the responsible person who signs, with role, on the
 * organisation; and the source's qualifier of a figure ("vsaj 1.000", "približno 120") on the
 * achieved value. All optional: filled only where the sources give them.
 */
const PROJECT_COLUMNS: TableColumn[] = [
  new TableColumn({ name: 'operationId', type: 'varchar', length: '60', isNullable: true }),
  new TableColumn({ name: 'operationName', type: 'text', isNullable: true }),
  new TableColumn({ name: 'priorityAxis', type: 'varchar', length: '300', isNullable: true }),
  new TableColumn({ name: 'investmentPriority', type: 'varchar', length: '300', isNullable: true }),
  new TableColumn({ name: 'specificObjective', type: 'varchar', length: '300', isNullable: true }),
  new TableColumn({ name: 'cohesionRegion', type: 'varchar', length: '100', isNullable: true }),
];

const ORGANISATION_COLUMNS: TableColumn[] = [
  new TableColumn({ name: 'responsiblePerson', type: 'varchar', length: '200', isNullable: true }),
  new TableColumn({ name: 'responsibleRole', type: 'varchar', length: '200', isNullable: true }),
];

const VALUE_COLUMNS: TableColumn[] = [new TableColumn({ name: 'qualifier', type: 'varchar', length: '20', isNullable: true })];

export class ReportFields1763820000000 implements MigrationInterface {
  name = 'ReportFields1763820000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('project', PROJECT_COLUMNS);
    await queryRunner.addColumns('organisation', ORGANISATION_COLUMNS);
    await queryRunner.addColumns('achieved_value', VALUE_COLUMNS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('achieved_value', VALUE_COLUMNS.map((c) => c.name));
    await queryRunner.dropColumns('organisation', ORGANISATION_COLUMNS.map((c) => c.name));
    await queryRunner.dropColumns('project', PROJECT_COLUMNS.map((c) => c.name));
  }
}

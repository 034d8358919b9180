import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, fk } from '../migration-helpers';

/** Organisations, funders, projects, funding periods, results framework, indicators, values and year locks. */
export class ProgrammeModel1763790000000 implements MigrationInterface {
  name = 'ProgrammeModel1763790000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const tables: Table[] = [
      new Table({
        name: 'organisation',
        columns: [
          col.id(),
          col.varchar('name', 300),
          col.varchar('shortName', 100, true),
          col.varchar('kind', 30),
          col.varchar('registrationNumber', 20, true),
          col.varchar('place', 100, true),
        ],
        uniques: [{ columnNames: ['name'] }],
      }),
      new Table({
        name: 'funder',
        columns: [col.id(), col.varchar('code', 30), col.varchar('name', 300), col.varchar('kind', 30)],
        uniques: [{ columnNames: ['code'] }],
      }),
      new Table({
        name: 'public_call',
        columns: [col.id(), col.int('funderId'), col.varchar('name', 500), col.varchar('reference', 100, true)],
        foreignKeys: [fk('funderId', 'funder', 'RESTRICT')],
      }),
      new Table({
        name: 'project',
        columns: [
          col.id(),
          col.varchar('code', 30),
          col.varchar('name', 500),
          col.text('description', true),
          col.int('leadOrganisationId'),
          col.text('places'),
          col.varchar('region', 200, true),
          col.varchar('status', 20),
        ],
        uniques: [{ columnNames: ['code'] }],
        foreignKeys: [fk('leadOrganisationId', 'organisation', 'RESTRICT')],
      }),
      new Table({
        name: 'project_partner',
        columns: [
          col.id(),
          col.int('projectId'),
          col.int('organisationId'),
          col.varchar('role', 20),
          col.varchar('note', 300, true),
        ],
        uniques: [{ name: 'uq_project_partner', columnNames: ['projectId', 'organisationId'] }],
        foreignKeys: [fk('projectId', 'project', 'CASCADE'), fk('organisationId', 'organisation', 'RESTRICT')],
      }),
      new Table({
        name: 'funding_period',
        columns: [
          col.id(),
          col.int('projectId'),
          col.date('startDate'),
          col.date('endDate'),
          col.decimal('amountEur', true),
          col.varchar('contractReference', 200, true),
          col.int('publicCallId', true),
        ],
        foreignKeys: [fk('projectId', 'project', 'CASCADE'), fk('publicCallId', 'public_call', 'RESTRICT')],
      }),
      new Table({
        name: 'funding_period_funder',
        columns: [
          col.id(),
          col.int('fundingPeriodId'),
          col.int('funderId'),
          col.decimal('sharePercent', true),
          col.decimal('amountEur', true),
        ],
        uniques: [{ name: 'uq_funding_period_funder', columnNames: ['fundingPeriodId', 'funderId'] }],
        foreignKeys: [fk('fundingPeriodId', 'funding_period', 'CASCADE'), fk('funderId', 'funder', 'RESTRICT')],
      }),
      new Table({
        name: 'objective',
        columns: [col.id(), col.int('projectId'), col.varchar('code', 30), col.text('name'), col.intDefault('sortOrder', 0)],
        uniques: [{ name: 'uq_objective_code', columnNames: ['projectId', 'code'] }],
        foreignKeys: [fk('projectId', 'project', 'CASCADE')],
      }),
      new Table({
        name: 'result_area',
        columns: [
          col.id(),
          col.int('projectId'),
          col.int('objectiveId', true),
          col.varchar('code', 30),
          col.text('name'),
          col.intDefault('sortOrder', 0),
        ],
        uniques: [{ name: 'uq_result_area_code', columnNames: ['projectId', 'code'] }],
        foreignKeys: [fk('projectId', 'project', 'CASCADE'), fk('objectiveId', 'objective', 'SET NULL')],
      }),
      new Table({
        name: 'indicator',
        columns: [
          col.id(),
          col.int('projectId'),
          col.int('resultAreaId', true),
          col.varchar('code', 30),
          col.text('name'),
          col.text('nameEn', true),
          col.varchar('kind', 10),
          col.varchar('unit', 10),
          col.varchar('unitLabel', 50, true),
          col.varchar('aggregation', 12),
          col.varchar('direction', 10),
          col.text('numeratorDefinition', true),
          col.text('denominatorDefinition', true),
          col.decimal('baselineValue', true),
          col.int('baselineYear', true),
          col.text('dimensions'),
          col.intDefault('sortOrder', 0),
          col.version(),
        ],
        uniques: [{ name: 'uq_indicator_code', columnNames: ['projectId', 'code'] }],
        foreignKeys: [fk('projectId', 'project', 'CASCADE'), fk('resultAreaId', 'result_area', 'SET NULL')],
      }),
      new Table({
        name: 'target',
        columns: [
          col.id(),
          col.int('indicatorId'),
          col.int('year', true),
          col.int('partnerOrganisationId', true),
          col.decimal('value'),
          col.date('validFrom'),
          col.varchar('reference', 200, true),
          col.version(),
        ],
        foreignKeys: [fk('indicatorId', 'indicator', 'CASCADE'), fk('partnerOrganisationId', 'organisation', 'RESTRICT')],
      }),
      new Table({
        name: 'achieved_value',
        columns: [
          col.id(),
          col.int('indicatorId'),
          col.int('year'),
          col.date('periodStart'),
          col.date('periodEnd'),
          col.int('partnerOrganisationId', true),
          col.varchar('dimension', 30, true),
          col.varchar('dimensionValue', 100, true),
          col.decimal('value'),
          col.decimal('numerator', true),
          col.decimal('denominator', true),
          col.text('comment', true),
          col.varchar('enteredBy', 100),
          col.instant('enteredAt'),
          col.version(),
        ],
        indices: [{ name: 'ix_achieved_value_indicator_year', columnNames: ['indicatorId', 'year'] }],
        foreignKeys: [fk('indicatorId', 'indicator', 'CASCADE'), fk('partnerOrganisationId', 'organisation', 'RESTRICT')],
      }),
      new Table({
        name: 'deviation_explanation',
        columns: [
          col.id(),
          col.int('indicatorId'),
          col.int('year'),
          col.text('text'),
          col.varchar('updatedBy', 100),
          col.instant('updatedAt'),
          col.version(),
        ],
        uniques: [{ name: 'uq_deviation_explanation', columnNames: ['indicatorId', 'year'] }],
        foreignKeys: [fk('indicatorId', 'indicator', 'CASCADE')],
      }),
      new Table({
        name: 'narrative',
        columns: [
          col.id(),
          col.int('projectId'),
          col.int('year'),
          col.int('resultAreaId', true),
          col.text('text'),
          col.varchar('updatedBy', 100),
          col.instant('updatedAt'),
          col.version(),
        ],
        foreignKeys: [fk('projectId', 'project', 'CASCADE'), fk('resultAreaId', 'result_area', 'CASCADE')],
      }),
      new Table({
        name: 'year_lock',
        columns: [
          col.id(),
          col.int('projectId'),
          col.int('year'),
          col.varchar('lockedBy', 100),
          col.instant('lockedAt'),
          col.text('reason', true),
        ],
        uniques: [{ name: 'uq_year_lock', columnNames: ['projectId', 'year'] }],
        foreignKeys: [fk('projectId', 'project', 'CASCADE')],
      }),
    ];
    for (const table of tables) await queryRunner.createTable(table, false, true, true);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of [
      'year_lock',
      'narrative',
      'deviation_explanation',
      'achieved_value',
      'target',
      'indicator',
      'result_area',
      'objective',
      'funding_period_funder',
      'funding_period',
      'project_partner',
      'project',
      'public_call',
      'funder',
      'organisation',
    ]) {
      await queryRunner.dropTable(name);
    }
  }
}

import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Indexes the set-based summaries need (src/indicators/summary/summary-rows.repository.ts), each
 * chosen from the plans of those queries on a portfolio of 1,000 projects, 4,000 indicators,
 * 8,000 targets and 48,000 monthly achieved values (ANALYZEd), for one project (a report) and for
 * a page of 250 projects (the portfolio):
 *
 * ix_target_indicator (target.indicatorId): the targets of some projects join target to indicator.
 *   SQLite, 250 projects, before: SCAN t / BLOOM FILTER ON i / SEARCH i USING INTEGER PRIMARY KEY
 *                         after:  SEARCH i USING COVERING INDEX (projectId=?) / SEARCH t USING INDEX ix_target_indicator (indicatorId=?)
 *   PostgreSQL, 1 project, before: Hash Join (Seq Scan on target t, 8000 rows) cost 185
 *                          after:  Nested Loop (Bitmap Index Scan on uq_indicator_code)
 *                                  (Index Scan using ix_target_indicator on target t) cost 62
 *   (at 250 of 1,000 projects PostgreSQL rightly keeps the hash join over a sequential scan.)
 *   It also serves the foreign key: PostgreSQL does not index a referencing column by itself, so
 *   deleting an indicator scanned every target.
 *
 * ix_funding_period_project (funding_period.projectId): the contract chosen per project.
 *   SQLite, 250 projects, before: SCAN f + TEMP B-TREE FOR ORDER BY; after: SEARCH f USING INDEX ix_funding_period_project (projectId=?)
 *   PostgreSQL, 1 project, before: Seq Scan on funding_period cost 20.5; after: Index Scan using ix_funding_period_project cost 8.3
 *
 * Values by indicator and year (ix_achieved_value_indicator_year) and audit entries by entity
 * (ix_audit_entry_entity) exist since the first migrations, and the plans use them: SQLite
 * `SEARCH v USING INDEX ix_achieved_value_indicator_year (indicatorId=? AND year<?)`, PostgreSQL
 * `Index Scan using ix_achieved_value_indicator_year … Index Cond: (indicatorId = i.id AND year <= 2020)`.
 */
export class SummaryIndexes1763830000000 implements MigrationInterface {
  name = 'SummaryIndexes1763830000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('target', new TableIndex({ name: 'ix_target_indicator', columnNames: ['indicatorId'] }));
    await queryRunner.createIndex('funding_period', new TableIndex({ name: 'ix_funding_period_project', columnNames: ['projectId'] }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('funding_period', 'ix_funding_period_project');
    await queryRunner.dropIndex('target', 'ix_target_indicator');
  }
}

import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../support/app';

/** The migrations build exactly the schema the entities describe, on SQLite and on PostgreSQL. */
describe('database schema', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { DEMO_DATA: 'false' } });
  });
  afterAll(() => t.close());

  it('has no difference between the migrated schema and the entities', async () => {
    const sql = await t.app.get(DataSource).driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('has run every migration and loaded no demo data when told not to', async () => {
    const ds = t.app.get(DataSource);
    expect(await ds.showMigrations()).toBe(false);
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM project');
    expect(Number(n)).toBe(0);
  });
});

import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../src/auth/actor';
import { SummaryService } from '../../src/indicators/summary/summary.service';
import { createTestApp, TestApp } from '../support/app';

/** The portfolio summary loads each kind of row once, however many projects there are. */
describe('portfolio summary queries', () => {
  let t: TestApp;
  let ds: DataSource;

  beforeAll(async () => {
    t = await createTestApp({ env: { DEMO_DATA: 'false' } });
    ds = t.app.get(DataSource);
    await ds.query(`INSERT INTO organisation (name, kind) VALUES ('Društvo Testno', 'ngo')`);
  });
  afterAll(() => t.close());

  /** Adds projects `from`..`to`-1, each with a funding period, two indicators, a target and values. */
  async function addProjects(from: number, to: number): Promise<void> {
    const [{ id: orgId }] = await ds.query(`SELECT id FROM organisation LIMIT 1`);
    await ds.transaction(async (em) => {
      for (let i = from; i < to; i += 100) {
        const codes = Array.from({ length: Math.min(100, to - i) }, (_, k) => `P${i + k}`);
        await em.createQueryBuilder().insert().into('project').values(codes.map((code) => ({ code, name: `Projekt ${code}`, leadOrganisationId: orgId, places: '[]', status: 'active' }))).execute();
      }
      const projects: { id: number }[] = await em.query(`SELECT id FROM project WHERE id NOT IN (SELECT "projectId" FROM funding_period)`);
      for (let i = 0; i < projects.length; i += 100) {
        const chunk = projects.slice(i, i + 100);
        await em.createQueryBuilder().insert().into('funding_period').values(chunk.map((p) => ({ projectId: p.id, startDate: '2020-01-01', endDate: '2022-12-31' }))).execute();
        const indicators = chunk.flatMap((p) => [
          { projectId: p.id, code: 'U1', name: 'Število udeležencev', kind: 'output', unit: 'persons', aggregation: 'sum', direction: 'at_least', dimensions: '[]', version: 1 },
          { projectId: p.id, code: 'R1', name: 'Delež zaposlenih', kind: 'result', unit: 'percent', aggregation: 'latest', direction: 'at_least', dimensions: '[]', version: 1 },
        ]);
        await em.createQueryBuilder().insert().into('indicator').values(indicators).execute();
      }
      const fresh: { id: number; unit: string }[] = await em.query(`SELECT id, unit FROM indicator WHERE id NOT IN (SELECT "indicatorId" FROM target)`);
      for (let i = 0; i < fresh.length; i += 100) {
        const chunk = fresh.slice(i, i + 100);
        await em.createQueryBuilder().insert().into('target').values(chunk.map((ind) => ({ indicatorId: ind.id, year: 2020, value: ind.unit === 'percent' ? '25' : '60', validFrom: '2020-01-01', version: 1 }))).execute();
        await em
          .createQueryBuilder()
          .insert()
          .into('achieved_value')
          .values(
            chunk.map((ind) => ({
              indicatorId: ind.id,
              year: 2020,
              periodStart: '2020-01-01',
              periodEnd: '2020-12-31',
              value: ind.unit === 'percent' ? '40.32' : '62',
              numerator: ind.unit === 'percent' ? '25' : null,
              denominator: ind.unit === 'percent' ? '62' : null,
              enteredBy: 'test',
              enteredAt: '2021-01-15T09:00:00.000Z',
              version: 1,
            })),
          )
          .execute();
      }
    });
  }

  async function countQueries(): Promise<{ queries: number; projects: number; met: number }> {
    const runnerClass = Object.getPrototypeOf(ds.createQueryRunner()) as { query: (...args: unknown[]) => Promise<unknown> };
    const spy = jest.spyOn(runnerClass, 'query');
    try {
      const result = await t.app.get(SummaryService).forPortfolio(2020, '2021-01-15', SYSTEM_ACTOR);
      return { queries: spy.mock.calls.length, projects: result.projects.length, met: result.projects.reduce((n, p) => n + p.statusCounts.met, 0) };
    } finally {
      spy.mockRestore();
    }
  }

  it('issues the same number of queries for 1,000 projects as for 10', async () => {
    await addProjects(0, 10);
    const small = await countQueries();
    await addProjects(10, 1000);
    const large = await countQueries();
    expect(small).toMatchObject({ projects: 10, met: 20 });
    expect(large).toMatchObject({ projects: 1000, met: 2000 });
    expect(large.queries).toBe(small.queries);
    expect(small.queries).toBeLessThanOrEqual(8);
  });
});

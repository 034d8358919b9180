import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../src/auth/actor';
import { makeThresholds, summarizeIndicator } from '../../src/indicators/calculation';
import { periodForYear, toSummary } from '../../src/indicators/summary/summary-builder';
import type { IndicatorRow } from '../../src/indicators/summary/summary-rows.repository';
import { SummaryService } from '../../src/indicators/summary/summary.service';
import { HeadlinePage, headlinePages } from '../../src/indicators/summary/headline-pages';
import { ReadingThreads } from '../../src/indicators/summary/reading-threads';
import { portfolioJson, projectsJson, summariseProjects } from '../../src/indicators/summary/project-summaries';
import { SummaryRowsRepository } from '../../src/indicators/summary/summary-rows.repository';
import type { Worker } from 'node:worker_threads';
import type { AppConfig } from '../../src/config/app-config';
import { APP_CONFIG } from '../../src/config/config.module';
import { createTestApp, TestApp } from '../support/app';

/**
 * The summaries group achieved values in SQL; the calculation core must come to the same figures
 * as from every stored entry. Random portfolios (sums, running totals, latest states, shares,
 * partners, disaggregations, a contract renewed mid-year, entries straddling period ends, entries
 * after asOf) are summarised both ways and compared whole.
 */
describe('summaries from grouped rows', () => {
  let t: TestApp;
  let ds: DataSource;
  const thresholds = makeThresholds('15', '10');

  beforeAll(async () => {
    t = await createTestApp({ env: { DEMO_DATA: 'false' } });
    ds = t.app.get(DataSource);
    await ds.query(`INSERT INTO organisation (name, kind) VALUES ('Vodilni', 'ngo'), ('Partner A', 'ngo'), ('Partner B', 'ngo')`);
    await fill(ds, 40, 1234);
  });
  afterAll(() => t.close());

  for (const [year, asOf] of [[2020, '2021-03-01'], [2021, '2021-06-15'], [2021, '2022-02-01'], [2022, '2022-12-31']] as const) {
    it(`agrees with the core over every stored entry for ${year} as of ${asOf}`, async () => {
      const ours = await t.app.get(SummaryService).forPortfolio(year, asOf, SYSTEM_ACTOR);
      const reference = await referenceSummaries(ds, year, asOf);
      expect(ours.projects.length).toBeGreaterThan(30);
      for (const p of ours.projects) expect({ code: p.project.code, indicators: p.indicators }).toEqual({ code: p.project.code, indicators: reference.get(p.project.id) ?? [] });
    });
  }

  // The export reads less than the summaries (the partnership's targets of the year and of the
  // period, entries that are not disaggregated, the contract chosen beforehand): the same figures.
  it('gives the export the same headline figures as the summaries, page by page', async () => {
    const service = t.app.get(SummaryService);
    for (const [year, asOf] of [[2020, '2021-03-01'], [2021, '2021-06-15'], [2021, '2022-02-01'], [2022, '2022-12-31']] as const) {
      const full = await service.forPortfolio(year, asOf, SYSTEM_ACTOR);
      const expected = full.projects.flatMap((p) => p.indicators.map((i) => [p.project.code, i.code, i.planned, i.achieved, i.achievementPercent, i.status]));
      const headlines: unknown[] = [];
      for await (const page of service.portfolioHeadlinePages(year, SYSTEM_ACTOR, { asOf, pageSize: 7 })) {
        for (const p of page) headlines.push(...p.indicators.map((h) => [p.project.code, h.indicator.code, h.planned, h.achieved, h.achievementPercent, h.status]));
      }
      expect(headlines).toEqual(expected);
      expect(headlines.length).toBeGreaterThan(100);
    }
  });

  // A span of years is read a page at a time for all its years at once (each year's headline
  // taking its own contract's groups up to its year): the figures of each year read on its own.
  it('gives a span of years the figures of each year on its own, project by project, then year by year', async () => {
    const service = t.app.get(SummaryService);
    const years = [2020, 2021, 2022];
    for (const asOf of ['2021-06-15', '2022-12-31']) {
      const byYear = new Map<number, Map<string, unknown[]>>();
      const contracts = new Map<string, Set<number>>();
      for (const year of years) {
        const full = await service.forPortfolio(year, asOf, SYSTEM_ACTOR);
        byYear.set(year, new Map(full.projects.map((p) => [p.project.code, p.indicators.map((i) => [p.project.code, year, i.code, i.planned, i.achieved, i.achievementPercent, i.status])])));
        for (const p of full.projects) contracts.set(p.project.code, (contracts.get(p.project.code) ?? new Set()).add(p.fundingPeriod.id));
      }
      const codes = [...new Set(years.flatMap((year) => [...byYear.get(year)!.keys()]))].sort();
      const expected = codes.flatMap((code) => years.flatMap((year) => byYear.get(year)!.get(code) ?? []));
      const headlines: unknown[] = [];
      for await (const page of service.portfolioHeadlinePages(2020, SYSTEM_ACTOR, { toYear: 2022, asOf, pageSize: 7 })) {
        for (const p of page) headlines.push(...p.indicators.map((h) => [p.project.code, p.year, h.indicator.code, h.planned, h.achieved, h.achievementPercent, h.status]));
      }
      expect(headlines).toEqual(expected);
      // Some project's years are counted under different contracts (a renewal inside the span).
      expect([...contracts.values()].some((ids) => ids.size > 1)).toBe(true);
      expect(headlines.length).toBeGreaterThan(300);
    }
  });

  describe('the export\'s pages, read in a thread of their own', () => {
    const query = (year: number, asOf: string, toYear?: number) => ({ scope: 'all' as const, year, toYear, asOf, pageSize: 7 });
    const inThisThread = async (year: number, asOf: string, toYear?: number) => {
      const pages: HeadlinePage[] = [];
      for await (const page of headlinePages(t.app.get(SummaryRowsRepository), query(year, asOf, toYear), thresholds)) pages.push(page);
      return pages;
    };
    const read = async (reader: ReadingThreads, year: number, asOf: string, toYear?: number) => {
      const pages: HeadlinePage[] = [];
      for await (const page of reader.pages(query(year, asOf, toYear))) pages.push(page);
      return pages;
    };

    it('gives the pages this thread computes, from the reading thread', async () => {
      const reader = t.app.get(ReadingThreads);
      for (const [year, asOf, toYear] of [[2020, '2021-03-01', undefined], [2022, '2022-12-31', undefined], [2020, '2022-12-31', 2022]] as const) {
        const expected = await inThisThread(year, asOf, toYear);
        expect(expected.length).toBeGreaterThan(3);
        expect(await read(reader, year, asOf, toYear)).toEqual(expected);
      }
      expect(reader.threadIds).toEqual([expect.any(Number)]);
    });

    it('answers two exports at once, each with its own pages', async () => {
      const reader = t.app.get(ReadingThreads);
      const [a, b] = await Promise.all([read(reader, 2021, '2021-06-15'), read(reader, 2020, '2021-03-01')]);
      expect(a).toEqual(await inThisThread(2021, '2021-06-15'));
      expect(b).toEqual(await inThisThread(2020, '2021-03-01'));
    });

    it('ends the reading when an export stops early, and serves the next one whole', async () => {
      const reader = t.app.get(ReadingThreads);
      for await (const page of reader.pages(query(2020, '2021-03-01'))) {
        expect(page.length).toBeGreaterThan(0);
        break;
      }
      expect(await read(reader, 2020, '2021-03-01')).toEqual(await inThisThread(2020, '2021-03-01'));
    });

    it('fails an export whose thread stops, rather than leaving it waiting, and starts a new thread for the next', async () => {
      const reader = t.app.get(ReadingThreads);
      const pages = reader.pages(query(2020, '2021-03-01'));
      expect((await pages.next()).done).toBe(false);
      const [first] = reader.threadIds;
      await (reader as unknown as { threads: { worker: Worker }[] }).threads[0].worker.terminate();
      await expect(drain(pages)).rejects.toThrow(/stopped/);
      expect(await read(reader, 2020, '2021-03-01')).toEqual(await inThisThread(2020, '2021-03-01'));
      expect(reader.threadIds[0]).not.toBe(first);
    });

    it('reads a database in memory, which a second connection cannot open, in this thread', async () => {
      const config = { ...t.app.get<AppConfig>(APP_CONFIG), database: { type: 'sqlite' as const, path: ':memory:' } };
      const reader = new ReadingThreads(t.app.get(SummaryRowsRepository), config);
      expect(await read(reader, 2021, '2022-02-01')).toEqual(await inThisThread(2021, '2022-02-01'));
      expect(reader.threadIds).toEqual([]);
    });

    it('gives the portfolio summary, split between two threads, as the JSON of forPortfolio, byte for byte', async () => {
      const service = t.app.get(SummaryService);
      for (const [year, asOf] of [[2020, '2021-03-01'], [2021, '2021-06-15'], [2022, '2022-12-31']] as const) {
        const full = await service.forPortfolio(year, asOf, SYSTEM_ACTOR);
        expect(full.projects.length).toBeGreaterThan(30);
        expect(text(await service.portfolioJson(year, asOf, SYSTEM_ACTOR))).toBe(JSON.stringify(full));
      }
      expect(t.app.get(ReadingThreads).threadIds).toHaveLength(2);
    });

    it('summarises a few projects in two halves, one in one piece, and none as an empty list', async () => {
      const reader = t.app.get(ReadingThreads);
      const rows = t.app.get(SummaryRowsRepository);
      const few = (await rows.projectsPage('all', null, 1000)).slice(3, 9);
      const names = new Map<number, string>([[1, 'Vodilni']]);
      const part = { projects: few, year: 2021, asOf: '2022-02-01', organisationNames: names };
      const pieces = await reader.summariesJson(part);
      expect(pieces).toHaveLength(2);
      const here = await summariseProjects(rows, few, few.map((p) => p.id), { year: 2021, asOf: '2022-02-01', thresholds }, names);
      expect(here.length).toBeGreaterThan(3);
      expect(pieces.map((p) => Buffer.from(p).toString('utf8')).join(',')).toBe(Buffer.from(projectsJson(here)).toString('utf8'));
      const one = await reader.summariesJson({ ...part, projects: few.slice(0, 1) });
      expect(one.map((p) => JSON.parse(`[${Buffer.from(p).toString('utf8')}]`))).toEqual([JSON.parse(JSON.stringify(here.filter((s) => s.project.id === few[0].id)))]);
      expect(JSON.parse(text(portfolioJson(2021, '2022-02-01', pieces)))).toEqual({ year: 2021, asOf: '2022-02-01', projects: JSON.parse(JSON.stringify(here)) });
      expect(JSON.parse(text(portfolioJson(2021, '2022-02-01', await reader.summariesJson({ ...part, projects: [] }))))).toEqual({ year: 2021, asOf: '2022-02-01', projects: [] });
    });

    it('fails a summary whose thread stops, and answers the next from a new thread', async () => {
      const reader = t.app.get(ReadingThreads);
      const service = t.app.get(SummaryService);
      const expected = JSON.stringify(await service.forPortfolio(2020, '2021-03-01', SYSTEM_ACTOR));
      await service.portfolioJson(2020, '2021-03-01', SYSTEM_ACTOR);
      const threads = (reader as unknown as { threads: { worker: Worker }[] }).threads;
      // The second thread stops as the request is sent to it, so it never answers.
      const second = threads[1].worker;
      const secondId = second.threadId;
      const send = jest.spyOn(second, 'postMessage').mockImplementationOnce(() => void second.terminate());
      const asked = service.portfolioJson(2020, '2021-03-01', SYSTEM_ACTOR);
      await expect(asked).rejects.toThrow(/stopped/);
      expect(send).toHaveBeenCalledTimes(1);
      expect(text(await service.portfolioJson(2020, '2021-03-01', SYSTEM_ACTOR))).toBe(expected);
      expect(reader.threadIds).not.toContain(secondId);
      expect(reader.threadIds).toHaveLength(2);
    });

    it('fails a request whose port is closed without an answer, rather than leaving it waiting', async () => {
      const reader = t.app.get(ReadingThreads);
      const [first] = await t.app.get(SummaryRowsRepository).projectsPage('all', null, 1);
      const part = { projects: [first], year: 2020, asOf: '2021-03-01', organisationNames: new Map<number, string>() };
      expect(await reader.summariesJson(part)).toHaveLength(1);
      const worker = (reader as unknown as { threads: { worker: Worker }[] }).threads[0].worker;
      jest.spyOn(worker, 'postMessage').mockImplementationOnce((message: unknown) => (message as { port: { close(): void } }).port.close());
      await expect(reader.summariesJson(part)).rejects.toThrow(/without an answer/);
      expect(await reader.summariesJson(part)).toHaveLength(1);
    });

    it('summarises a database in memory in this thread', async () => {
      const config = { ...t.app.get<AppConfig>(APP_CONFIG), database: { type: 'sqlite' as const, path: ':memory:' } };
      const reader = new ReadingThreads(t.app.get(SummaryRowsRepository), config);
      const rows = t.app.get(SummaryRowsRepository);
      const projects = await rows.projectsPage('all', null, 1000);
      const part = { projects, year: 2020, asOf: '2021-03-01', organisationNames: new Map<number, string>() };
      const here = await summariseProjects(rows, projects, 'all', { year: 2020, asOf: '2021-03-01', thresholds }, part.organisationNames);
      expect((await reader.summariesJson(part)).map((p) => Buffer.from(p).toString('utf8'))).toEqual([Buffer.from(projectsJson(here)).toString('utf8')]);
      expect(reader.threadIds).toEqual([]);
    });

    const text = (parts: Uint8Array[]) => Buffer.concat(parts).toString('utf8');

    /** Reads an export's remaining pages (the thread's own field is reached into to stop it mid-export). */
    async function drain(pages: AsyncGenerator<HeadlinePage>): Promise<void> {
      for (;;) if ((await pages.next()).done) return;
    }
  });

  /** The summaries as computed before grouping: every entry of the project, in entry order. */
  async function referenceSummaries(source: DataSource, year: number, asOf: string) {
    const q = (sql: string) => source.query(sql);
    const indicators: IndicatorRow[] = await q(`SELECT i.*, NULL AS "resultAreaCode", NULL AS "resultAreaName" FROM indicator i ORDER BY i."projectId", i."sortOrder", i.code`);
    const periods: { id: number; projectId: number; startDate: string; endDate: string }[] = await q(`SELECT id, "projectId", "startDate", "endDate" FROM funding_period`);
    const targets: { indicatorId: number; year: number | null; fundingPeriodId: number | null; partnerOrganisationId: number | null; value: string; validFrom: string }[] =
      await q(`SELECT * FROM target ORDER BY "validFrom", id`);
    const values: Record<string, string | number | null>[] = await q(`SELECT * FROM achieved_value WHERE year <= ${year} ORDER BY "periodStart", id`);
    const names = new Map<number, string>((await q(`SELECT id, name FROM organisation`)).map((o: { id: number; name: string }) => [o.id, o.name]));
    const result = new Map<number, unknown[]>();
    for (const indicator of indicators) {
      const period = periodForYear(periods.filter((p) => p.projectId === indicator.projectId), year);
      if (!period) continue;
      const c = summarizeIndicator({
        indicator: { id: indicator.id, aggregation: indicator.aggregation, direction: indicator.direction, isShare: indicator.unit === 'percent', dimensions: JSON.parse(indicator.dimensions) },
        achieved: values
          .filter((v) => v.indicatorId === indicator.id)
          .map((v) => ({ periodStart: v.periodStart as string, periodEnd: v.periodEnd as string, partnerId: v.partnerOrganisationId as number | null, dimension: v.dimension as string | null, dimensionValue: v.dimensionValue as string | null, value: v.value as string, numerator: v.numerator as string | null, denominator: v.denominator as string | null })),
        targets: targets
          .filter((x) => x.indicatorId === indicator.id && (x.fundingPeriodId === null || x.fundingPeriodId === period.id))
          .map((x) => ({ year: x.year, partnerId: x.partnerOrganisationId, value: x.value, validFrom: x.validFrom })),
        period,
        year,
        asOf,
        thresholds,
        hasExplanation: false,
      });
      result.set(indicator.projectId, [...(result.get(indicator.projectId) ?? []), toSummary(indicator, c, null, names)]);
    }
    return result;
  }
});

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

async function fill(ds: DataSource, projects: number, seed: number): Promise<void> {
  const r = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)];
  const insert = (table: string, rows: object[]) => (rows.length ? ds.createQueryBuilder().insert().into(table).values(rows).execute() : Promise.resolve());
  const [{ id: lead }] = await ds.query(`SELECT id FROM organisation WHERE name = 'Vodilni'`);
  const partners: number[] = (await ds.query(`SELECT id FROM organisation WHERE name LIKE 'Partner%' ORDER BY id`)).map((o: { id: number }) => o.id);
  for (let p = 0; p < projects; p++) {
    await insert('project', [{ code: `G${p}`, name: `Projekt ${p}`, leadOrganisationId: lead, places: '[]', status: 'active' }]);
    const [{ id: projectId }] = await ds.query(`SELECT id FROM project WHERE code = 'G${p}'`);
    const renewed = r() < 0.3;
    await insert('funding_period', renewed
      ? [{ projectId, startDate: '2020-03-01', endDate: '2021-06-30' }, { projectId, startDate: '2021-07-01', endDate: '2022-12-31' }]
      : [{ projectId, startDate: pick(['2020-01-01', '2020-04-15']), endDate: pick(['2022-12-31', '2022-09-30']) }]);
    const periods: { id: number }[] = await ds.query(`SELECT id FROM funding_period WHERE "projectId" = ${projectId} ORDER BY id`);
    for (let k = 0; k < 4; k++) {
      const unit = pick(['persons', 'percent', 'eur'] as const);
      const aggregation = pick(['sum', 'cumulative', 'latest'] as const);
      const dimensions = r() < 0.4 ? ['gender'] : [];
      await insert('indicator', [{ projectId, code: `K${k}`, name: `Kazalnik ${k}`, kind: pick(['output', 'result']), unit, aggregation, direction: pick(['at_least', 'at_most']), dimensions, sortOrder: 4 - k, version: 1 }]);
      const [{ id: indicatorId }] = await ds.query(`SELECT id FROM indicator WHERE "projectId" = ${projectId} AND code = 'K${k}'`);
      const targets = [];
      for (const year of [null, 2020, 2021, 2022]) {
        if (r() < 0.6) targets.push({ indicatorId, year, value: String(Math.floor(r() * 200) + 1), validFrom: pick(['2020-01-01', '2021-05-01']), fundingPeriodId: r() < 0.3 ? pick(periods).id : null, partnerOrganisationId: r() < 0.2 ? pick(partners) : null, version: 1 });
      }
      await insert('target', targets);
      const values = [];
      for (let n = Math.floor(r() * 14); n > 0; n--) {
        const year = pick([2019, 2020, 2021, 2022]);
        const month = Math.floor(r() * 12) + 1;
        const whole = r() < 0.3;
        const periodStart = whole ? `${year}-01-01` : `${year}-${pad(month)}-01`;
        const periodEnd = whole ? `${year}-12-31` : `${year}-${pad(month)}-28`;
        const partner = r() < 0.3 ? pick(partners) : null;
        const dimension = partner === null && dimensions.length && r() < 0.4 ? 'gender' : null;
        const denominator = Math.floor(r() * 50) + 1;
        const numerator = Math.floor(r() * denominator);
        const share = unit === 'percent';
        values.push({
          indicatorId, year, periodStart, periodEnd,
          partnerOrganisationId: partner,
          dimension, dimensionValue: dimension ? pick(['ženske', 'moški']) : null,
          value: share ? ((numerator * 100) / denominator).toFixed(2) : (Math.floor(r() * 10_000) / pick([1, 100, 1000])).toString(),
          numerator: share && r() < 0.9 ? String(numerator) : null,
          denominator: share && r() < 0.9 ? String(denominator) : null,
          enteredBy: 'test', enteredAt: '2021-01-15T09:00:00.000Z', version: 1,
        });
      }
      await insert('achieved_value', values);
    }
  }
}

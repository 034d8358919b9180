import request from 'supertest';
import { Client, clientFor, rawBytes } from '../support/http';
import { createTestApp, TestApp } from '../support/app';
import { SYSTEM_ACTOR } from '../../src/auth/actor';
import { SummaryService } from '../../src/indicators/summary/summary.service';

describe('demo data over HTTP', () => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await clientFor(t.app, 'admin');
  });
  afterAll(() => t.close());

  it('answers /health without a login', async () => {
    const res = await request(t.app.getHttpServer()).get('/health').expect(200);
    expect(res.body.status).toBe('ok');
  });

  it('lists the nine demo programmes by code', async () => {
    const res = await admin.get('/api/projects').expect(200);
    expect(res.body.map((p: { code: string }) => p.code)).toEqual([
      'AS',
      'HARMONIJA',
      'JEJMO-LOKALNO',
      'JV-HUB',
      'KCM',
      'MREZA',
      'NOVUS-HUB',
      'SPIN',
      'VELENJE-MLADI',
    ]);
  });

  it('shows AS with its lead, partners, funding period and reporting years', async () => {
    const res = await admin.get('/api/projects/AS').expect(200);
    expect(res.body.project.leadOrganisation.name).toBe('Društvo NOVUS');
    expect(res.body.partners.map((p: { organisation: { name: string }; role: string }) => [p.organisation.name, p.role])).toEqual([
      ['Društvo NOVUS', 'lead'],
      ['Zavod za izobraževanje in usposabljanje USPEŠEN.SI', 'partner'],
      ['Andragoški zavod Ljudska univerza Velenje', 'partner'],
    ]);
    expect(res.body.fundingPeriods).toHaveLength(1);
    expect(res.body.fundingPeriods[0]).toMatchObject({ startDate: '2019-09-23', endDate: '2022-09-30', amountEur: null });
    expect(res.body.fundingPeriods[0].funders.map((f: { funder: { code: string } }) => f.funder.code)).toEqual(['MDDSZ', 'ESS']);
    expect(res.body.reportingYears.map((y: { year: number; partial: boolean }) => [y.year, y.partial])).toEqual([
      [2019, true],
      [2020, false],
      [2021, false],
      [2022, true],
    ]);
  });

  it('keeps the JV hub amount exact and its results framework', async () => {
    const res = await admin.get('/api/projects/JV-HUB').expect(200);
    expect(res.body.fundingPeriods[0].amountEur).toBe('382188.56');
    expect(res.body.fundingPeriods[0].publicCall.name).toBe('Javni razpis za podporno okolje za razvoj nevladnih organizacij 2019–2023');
    expect(res.body.objectives).toHaveLength(3);
    expect(res.body.resultAreas).toHaveLength(4);
    expect(res.body.project.places).toHaveLength(21);
  });

  it('reproduces the AS 2020 table: 60 planned, 62 achieved; at least 25 %, 40,32 % as 25 of 62', async () => {
    const res = await admin.get('/api/projects/AS/indicators/summary?year=2020&asOf=2021-01-15').expect(200);
    const [output, result] = res.body.indicators;
    expect(output).toMatchObject({ code: 'AS-U1', kind: 'output', planned: 60, achieved: 62, achievementPercent: 103.33, status: 'met' });
    expect(result).toMatchObject({
      code: 'AS-R1',
      kind: 'result',
      isShare: true,
      direction: 'at_least',
      planned: 25,
      achieved: 40.32,
      numerator: 25,
      denominator: 62,
      status: 'met',
    });
  });

  it('shows the KCM 2020 partnership totals with Društvo NOVUS parts', async () => {
    const res = await admin.get('/api/projects/KCM/indicators/summary?year=2020&asOf=2021-01-15').expect(200);
    const parts = Object.fromEntries(
      res.body.indicators.map((i: { code: string; achieved: number; partners: { organisationName: string; achieved: number }[] }) => [
        i.code,
        [i.achieved, i.partners.find((p) => p.organisationName === 'Društvo NOVUS')?.achieved],
      ]),
    );
    expect(parts['KCM-2']).toEqual([190, 42]);
    expect(parts['KCM-3']).toEqual([25, 6]);
    expect(parts['KCM-4']).toEqual([410, 118]);
    expect(parts['KCM-5']).toEqual([24, 5]);
    expect(parts['KCM-1']).toEqual([4, 1]);
  });

  it('keeps the source figures of SPIN, the hub and MREZA exactly', async () => {
    const spin = await admin.get('/api/projects/SPIN/indicators/summary?year=2020').expect(200);
    const hours = spin.body.indicators.find((i: { code: string }) => i.code === 'SPIN-3');
    expect(hours).toMatchObject({ achieved: 22830, unit: 'hours' });
    expect(hours.partners[0]).toMatchObject({ organisationName: 'Društvo NOVUS', achieved: 5503 });
    const mreza = await admin.get('/api/projects/MREZA/indicators/summary?year=2020').expect(200);
    // 250.109,76 EUR were acquired from 1. 11. 2019 to 1. 1. 2021: a running total, not a 2020 figure.
    expect(mreza.body.indicators.find((i: { code: string }) => i.code === 'MREZA-6')).toMatchObject({ achieved: null, achievedToDate: 250109.76, unit: 'eur' });
    const jejmo = await admin.get('/api/projects/JEJMO-LOKALNO/indicators/summary?year=2020').expect(200);
    expect(jejmo.body.indicators.map((i: { achievedToDate: number }) => i.achievedToDate)).toEqual([75, 1373, 10, 103, 20, 274, 1, 1]);
    const hub = await admin.get('/api/projects/NOVUS-HUB/indicators/summary?year=2020').expect(200);
    expect(hub.body.indicators).toHaveLength(20);
    expect(hub.body.indicators.find((i: { code: string }) => i.code === 'HUB-1.4')).toMatchObject({ achieved: 2500, resultArea: { name: 'Informiranje' } });
  });

  it('answers the portfolio summary over HTTP with the bytes of JSON.stringify(forPortfolio), as JSON of its own length', async () => {
    const res = await admin.get('/api/indicators/summary?year=2020&asOf=2021-03-01').buffer(true).parse(rawBytes).expect(200);
    const expected = JSON.stringify(await t.app.get(SummaryService).forPortfolio(2020, '2021-03-01', SYSTEM_ACTOR));
    expect((res.body as Buffer).toString('utf8')).toBe(expected);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(expected)));
    expect(res.headers['cache-control']).toMatch(/no-store/);
    expect(JSON.parse(expected).projects.length).toBeGreaterThan(3);
  });

  it('gives a project manager the portfolio summary of their own projects only, and a bad asOf a 422 naming it', async () => {
    const vodja = await clientFor(t.app, 'vodja');
    const all = (await admin.get('/api/indicators/summary?year=2020&asOf=2021-03-01').expect(200)).body.projects.map((p: { project: { code: string } }) => p.project.code);
    const own = (await vodja.get('/api/indicators/summary?year=2020&asOf=2021-03-01').expect(200)).body.projects.map((p: { project: { code: string } }) => p.project.code);
    const readable = (await vodja.get('/api/projects').expect(200)).body;
    const codes = (Array.isArray(readable) ? readable : readable.items).map((p: { code: string }) => p.code);
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBeLessThan(all.length);
    for (const code of own) expect(codes).toContain(code);
    const bad = await vodja.get('/api/indicators/summary?year=2020&asOf=2021-13-01').expect(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'asOf' })]);
  });

  it('invents no planned values: only AS has targets', async () => {
    const res = await admin.get('/api/indicators/summary?year=2020').expect(200);
    const withTargets = res.body.projects.flatMap((p: { project: { code: string }; indicators: { planned: number | null }[] }) =>
      p.indicators.filter((i) => i.planned !== null).map(() => p.project.code),
    );
    expect(withTargets).toEqual(['AS', 'AS']);
  });

  it('refuses a summary for a year outside the funding periods', async () => {
    const res = await admin.get('/api/projects/AS/indicators/summary?year=2015').expect(422);
    expect(res.body.errors).toEqual([{ field: 'year', message: '2015 lies outside every funding period of AS' }]);
  });

  it('publishes the OpenAPI documentation', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/projects/{code}/indicators/summary', '/api/indicators/{id}/values']));
  });
});

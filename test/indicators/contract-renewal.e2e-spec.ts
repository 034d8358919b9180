import request from 'supertest';
import { createTestApp, TestApp } from '../support/app';
import { clientFor, Client } from '../support/http';
import { submitReport } from '../support/submit-report';

/**
 * A regional hub's contract runs 1. 10. – 30. 9.: the year of a renewal is split between two
 * contracts, and each reports its own part against its own plan.
 */
describe('a year split by a contract renewal', () => {
  let t: TestApp;
  let admin: Client;
  let oldPeriod: number;
  let newPeriod: number;
  let indicatorId: number;

  beforeAll(async () => {
    t = await createTestApp({ env: { DEMO_DATA: 'true' } });
    admin = await clientFor(t.app, 'admin');
    const orgs = (await admin.get('/api/organisations').expect(200)).body;
    const lead = orgs.find((o: { name: string }) => o.name === 'Mladinski center BIT').id;
    await admin.post('/api/projects', { code: 'HUB-X', name: 'Stičišče X', leadOrganisationId: lead }).expect(201);
    oldPeriod = (await admin.post('/api/projects/HUB-X/funding-periods', { startDate: '2019-10-01', endDate: '2023-09-30' }).expect(201)).body.id;
    newPeriod = (await admin.post('/api/projects/HUB-X/funding-periods', { startDate: '2023-10-01', endDate: '2027-09-30' }).expect(201)).body.id;
    indicatorId = (await admin.post('/api/projects/HUB-X/indicators', { code: 'X1', name: 'Število delavnic', kind: 'output', unit: 'events' }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  it('asks which contract a 2023 target belongs to, and files each under its own', async () => {
    const ambiguous = await admin.post(`/api/indicators/${indicatorId}/targets`, { year: 2023, value: '30' }).expect(422);
    expect(ambiguous.body.errors[0]).toMatchObject({ field: 'fundingPeriodId' });
    await admin.post(`/api/indicators/${indicatorId}/targets`, { year: 2023, value: '30', fundingPeriodId: oldPeriod }).expect(201);
    const second = await admin.post(`/api/indicators/${indicatorId}/targets`, { year: 2023, value: '8', fundingPeriodId: newPeriod }).expect(201);
    expect(second.body).toMatchObject({ fundingPeriodId: newPeriod, validFrom: '2023-10-01' });
    await admin.post(`/api/indicators/${indicatorId}/values`, { periodStart: '2023-01-01', periodEnd: '2023-09-30', value: '27' }).expect(201);
    await admin.post(`/api/indicators/${indicatorId}/values`, { periodStart: '2023-10-01', periodEnd: '2023-12-31', value: '9' }).expect(201);
  });

  it('summarises the year under the new contract by default, naming the other', async () => {
    const res = await admin.get('/api/projects/HUB-X/indicators/summary?year=2023&asOf=2024-01-20').expect(200);
    expect(res.body.fundingPeriod).toMatchObject({ id: newPeriod, startDate: '2023-10-01' });
    expect(res.body.otherFundingPeriods).toEqual([{ id: oldPeriod, startDate: '2019-10-01', endDate: '2023-09-30' }]);
    expect(res.body.indicators[0]).toMatchObject({ planned: 8, achieved: 9, achievementPercent: 112.5, status: 'met' });
  });

  it("summarises the old contract's part of the year against the old plan on request", async () => {
    const res = await admin.get(`/api/projects/HUB-X/indicators/summary?year=2023&asOf=2024-01-20&fundingPeriodId=${oldPeriod}`).expect(200);
    expect(res.body.fundingPeriod.id).toBe(oldPeriod);
    expect(res.body.indicators[0]).toMatchObject({ planned: 30, achieved: 27, achievementPercent: 90, status: 'not_met' });
  });

  it('refuses a contract that does not cover the year, naming the field', async () => {
    const res = await admin.get(`/api/projects/HUB-X/indicators/summary?year=2021&fundingPeriodId=${newPeriod}`).expect(422);
    expect(res.body.errors).toEqual([{ field: 'fundingPeriodId', message: `funding period ${newPeriod} of HUB-X does not cover 2021` }]);
  });

  it("draws the old contract's report for the year", async () => {
    const res = await admin.get(`/api/projects/HUB-X/reports/annual?year=2023&format=xlsx&fundingPeriodId=${oldPeriod}`).expect(200);
    expect(res.headers['content-disposition']).toContain('letno-porocilo-HUB-X-2023.xlsx');
  });

  it("answers the submitted contract's download with the stored submission, the other contract's with today's report", async () => {
    const submitted = { body: await submitReport(admin, 'HUB-X', { year: 2023, fundingPeriodId: oldPeriod }) };
    const stored = submitted.body.files.find((f) => f.format === 'xlsx')!.sha256;
    const sha = (body: Buffer) => require('node:crypto').createHash('sha256').update(body).digest('hex');
    const url = `/api/projects/HUB-X/reports/annual?year=2023&format=xlsx`;

    const old = await admin.get(`${url}&fundingPeriodId=${oldPeriod}`).buffer(true).parse(binary).expect(200);
    expect(old.headers['x-report-source']).toBe('submission');
    expect(old.headers['x-report-submission']).toBe(String(submitted.body.id));
    expect(sha(old.body)).toBe(stored);

    const current = await admin.get(`${url}&fundingPeriodId=${oldPeriod}&current=true`).buffer(true).parse(binary).expect(200);
    expect(current.headers['x-report-source']).toBe('current');

    // The newer contract's part of 2023 was not submitted: its report is built from the figures.
    for (const newer of [`${url}&fundingPeriodId=${newPeriod}`, url]) {
      const res = await admin.get(newer).buffer(true).parse(binary).expect(200);
      expect(res.headers['x-report-source']).toBe('current');
      expect(sha(res.body)).not.toBe(stored);
    }
  });
});

/** Reads a binary HTTP answer into a Buffer. */
function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

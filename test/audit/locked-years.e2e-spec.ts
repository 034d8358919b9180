import { createTestApp, TestApp } from '../support/app';
import { clientFor, Client } from '../support/http';

/** A locked year cannot change by a side door: targets, definitions, periods, deletions. */
describe('locked years through every write path', () => {
  let t: TestApp;
  let admin: Client;
  let koordinator: Client;
  let ids: Record<string, number>;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, koordinator] = await Promise.all(['admin', 'koordinator'].map((u) => clientFor(t.app, u, 'en')));
    const list = await admin.get('/api/projects/AS/indicators').expect(200);
    ids = Object.fromEntries(list.body.map((i: { code: string; id: number }) => [i.code, i.id]));
    await koordinator.post('/api/projects/AS/locks', { year: 2020, reason: 'Letno poročilo oddano' }).expect(201);
  });
  afterAll(() => t.close());

  it('refuses a whole-period target taking effect in or before a locked year, and accepts a later amendment', async () => {
    const refused = await admin.post(`/api/indicators/${ids['AS-U1']}/targets`, { value: '500', validFrom: '2020-06-01' }).expect(423);
    expect(refused.body).toMatchObject({ lockedYears: [2020] });
    expect(refused.body.message).toMatch(/reporting year 2020 is locked/);
    await admin.post(`/api/indicators/${ids['AS-U1']}/targets`, { value: '180', validFrom: '2021-03-01', reference: 'Aneks 1' }).expect(201);
  });

  it('refuses a year target of the locked year', async () => {
    await admin.post(`/api/indicators/${ids['AS-U1']}/targets`, { year: 2020, value: '70' }).expect(423);
  });

  it('refuses any change to how an indicator is defined or shown once a year is locked: the locked report shows it', async () => {
    const before = (await admin.get(`/api/indicators/${ids['AS-R1']}`).expect(200)).body;
    await admin.patch(`/api/indicators/${ids['AS-R1']}`, { direction: 'at_most' }).expect(423);
    await admin.patch(`/api/indicators/${ids['AS-R1']}`, { nameEn: 'Share of participants in job search, training or work at exit', reason: 'Angleški prevod' }).expect(423);
    await admin.patch(`/api/indicators/${ids['AS-R1']}`, { unitLabel: 'udeleženci' }).expect(423);
    await admin.patch(`/api/indicators/${ids['AS-R1']}`, { baselineValue: '10' }).expect(423);
    await expect(admin.get(`/api/indicators/${ids['AS-R1']}`).expect(200)).resolves.toMatchObject({ body: before });
  });

  it('refuses funding period changes that touch the locked year', async () => {
    const detail = await admin.get('/api/projects/AS').expect(200);
    const periodId = detail.body.fundingPeriods[0].id;
    await admin.patch(`/api/projects/AS/funding-periods/${periodId}`, { endDate: '2022-12-31' }).expect(423);
    await admin.post('/api/projects/AS/funding-periods', { startDate: '2020-06-01', endDate: '2020-12-31' }).expect(423);
    await admin.delete(`/api/projects/AS/funding-periods/${periodId}`).expect(423);
  });

  it('refuses to delete an indicator with figures, or a project with indicators', async () => {
    const res = await admin.delete(`/api/indicators/${ids['AS-U1']}`).expect(409);
    expect(res.body.message).toMatch(/has 1 achieved value\(s\), \d+ target\(s\) and 0 explanation\(s\)/);
    await admin.delete('/api/projects/HARMONIJA').expect(409);
    await admin.get(`/api/indicators/${ids['AS-U1']}/history`).expect(200);
  });

  it('refuses an overlapping period that would count the same days twice', async () => {
    const res = await admin.post(`/api/indicators/${ids['AS-U1']}/values`, { periodStart: '2021-01-01', periodEnd: '2021-12-31', value: '30' }).expect(201);
    const overlap = await admin.post(`/api/indicators/${ids['AS-U1']}/values`, { periodStart: '2021-03-01', periodEnd: '2021-03-31', value: '5' }).expect(409);
    expect(overlap.body).toMatchObject({ existingId: res.body.id });
  });

  it('uses the template threshold for explanations in a report', async () => {
    const summary = await admin.get('/api/projects/AS/indicators/summary?year=2020').expect(200);
    // The share is 161,29 % of plan: more than the default 10 % off, so it needs an explanation.
    expect(summary.body.indicators.find((i: { code: string }) => i.code === 'AS-R1').explanationMissing).toBe(true);
  });
});

describe('scope of coordinators and auditors, and ids out of range', () => {
  let t: TestApp;
  let koordinator: Client;
  let revizor: Client;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestApp();
    [koordinator, revizor, admin] = await Promise.all(['koordinator', 'revizor', 'admin'].map((u) => clientFor(t.app, u, 'en')));
  });
  afterAll(() => t.close());

  it('lets the coordinator of a partner read the lead partner project but not change, lock or delete it', async () => {
    await koordinator.get('/api/projects/KCM').expect(200);
    await koordinator.delete('/api/projects/KCM').expect(403);
    await koordinator.post('/api/projects/KCM/locks', { year: 2020 }).expect(403);
    await koordinator.post('/api/projects/KCM/reports/cycle/submit', { year: 2020, overrideReason: 'x' }).expect(403);
    await koordinator.post('/api/projects/AS/locks', { year: 2021 }).expect(201);
  });

  it('lets a coordinator start projects only for the organisations they coordinate', async () => {
    const orgs = (await koordinator.get('/api/organisations').expect(200)).body;
    const id = (name: string) => orgs.find((o: { name: string }) => o.name === name).id;
    await koordinator.post('/api/projects', { code: 'TUJ', name: 'Tuj projekt', leadOrganisationId: id('Fundacija za izboljšanje zaposlitvenih možnosti PRIZMA') }).expect(403);
    await koordinator.post('/api/projects', { code: 'NOV', name: 'Nov projekt', leadOrganisationId: id('Društvo NOVUS') }).expect(201);
  });

  it('leaves renaming shared organisations to the administrator', async () => {
    await koordinator.patch('/api/organisations/4', { shortName: 'X' }).expect(403);
    await admin.patch('/api/organisations/4', { shortName: 'PRIZMA' }).expect(200);
  });

  it('shows the demo auditor the projects assigned, all nine', async () => {
    expect((await revizor.get('/api/projects').expect(200)).body).toHaveLength(9);
  });

  it("answers an id from a project out of reach exactly like an id that does not exist", async () => {
    const vodja = await clientFor(t.app, 'vodja', 'en');
    const hub = (await admin.get('/api/projects/NOVUS-HUB/indicators').expect(200)).body[0];
    const [value] = (await admin.get(`/api/indicators/${hub.id}/values`).expect(200)).body;
    const hidden = await vodja.get(`/api/values/${value.id}`).expect(404);
    expect(hidden.body.message).toBe(`Achieved value ${value.id} does not exist`);
    expect((await vodja.get('/api/values/2000000000').expect(404)).body.message).toBe('Achieved value 2000000000 does not exist');
    expect((await vodja.get(`/api/indicators/${hub.id}`).expect(404)).body.message).toBe(`Indicator ${hub.id} does not exist`);
  });

  it('answers 400 naming the parameter for ids beyond the id range', async () => {
    const res = await admin.get('/api/values/99999999999').expect(400);
    expect(res.body.errors).toEqual([{ field: 'id', message: 'id must be a whole number from 1 to 2147483647' }]);
    await admin.get('/api/indicators/abc/values').expect(400);
    const body = await admin.post('/api/indicators/1/values', { periodStart: '2020-01-01', periodEnd: '2020-12-31', value: '1', partnerOrganisationId: 99999999999 }).expect(400);
    expect(body.body.errors[0].field).toBe('partnerOrganisationId');
  });

  it('refuses an asOf that does not exist and a backwards span of years, as JSON', async () => {
    await admin.get('/api/indicators/1/history?asOf=2021-02-30T00:00:00Z').expect(422);
    const res = await admin.get('/api/reports/portfolio?year=2022&toYear=2020').expect(422);
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });
});

import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../support/app';
import { clientFor, Client } from '../support/http';

/** Every refusal names the field and leaves the database exactly as it was. */
describe('bad input', () => {
  let t: TestApp;
  let admin: Client;
  let ids: Record<string, number>;
  let novusId: number;

  const counts = async () => {
    const ds = t.app.get(DataSource);
    const [values, audit, periods] = await Promise.all([
      ds.query('SELECT COUNT(*) AS n FROM achieved_value'),
      ds.query('SELECT COUNT(*) AS n FROM audit_entry'),
      ds.query('SELECT COUNT(*) AS n FROM funding_period'),
    ]);
    return [values, audit, periods].map((r) => Number(r[0].n));
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await clientFor(t.app, 'admin', 'en');
    const list = await admin.get('/api/projects/AS/indicators').expect(200);
    ids = Object.fromEntries(list.body.map((i: { code: string; id: number }) => [i.code, i.id]));
    const orgs = await admin.get('/api/organisations').expect(200);
    novusId = orgs.body.find((o: { name: string }) => o.name === 'Društvo NOVUS').id;
  });
  afterAll(() => t.close());

  const refused = async (url: string, body: object, status: number, field: string, message: RegExp) => {
    const before = await counts();
    const res = await admin.post(url, body).expect(status);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, message: expect.stringMatching(message) })]));
    expect(await counts()).toEqual(before);
  };

  it('refuses a negative count', () =>
    refused(`/api/indicators/${ids['AS-U1']}/values`, { periodStart: '2021-01-01', periodEnd: '2021-12-31', value: '-3' }, 400, 'value', /must not be negative/));

  it('refuses a share above 100 %', () =>
    refused(`/api/indicators/${ids['AS-R1']}/values`, { periodStart: '2021-01-01', periodEnd: '2021-12-31', value: '120' }, 422, 'value', /between 0 and 100/));

  it('refuses a numerator above its denominator', () =>
    refused(`/api/indicators/${ids['AS-R1']}/values`, { periodStart: '2021-01-01', periodEnd: '2021-12-31', numerator: '70', denominator: '62' }, 422, 'numerator', /must not exceed denominator/));

  it('refuses dates outside the funding period', () =>
    refused(`/api/indicators/${ids['AS-U1']}/values`, { periodStart: '2023-01-01', periodEnd: '2023-06-30', value: '5' }, 422, 'periodStart', /outside the project's funding periods/));

  it('refuses a day that does not exist', () =>
    refused(`/api/indicators/${ids['AS-U1']}/values`, { periodStart: '2021-02-30', periodEnd: '2021-03-31', value: '5' }, 400, 'periodStart', /calendar date/));

  it('refuses a partner that is not in the project', async () => {
    const orgs = await admin.get('/api/organisations').expect(200);
    const outsider = orgs.body.find((o: { name: string }) => o.name === 'Mladinski center BIT').id;
    await refused(`/api/indicators/${ids['AS-U1']}/values`, { periodStart: '2021-01-01', periodEnd: '2021-12-31', value: '5', partnerOrganisationId: outsider }, 422, 'partnerOrganisationId', /not a partner/);
  });

  it('refuses a field the API does not know, naming it', () =>
    refused(`/api/indicators/${ids['AS-U1']}/values`, { periodStart: '2021-01-01', periodEnd: '2021-12-31', value: '5', valeu: '6' }, 400, 'valeu', /should not exist/));

  it('answers 404 for an achieved value of an unknown indicator', async () => {
    const before = await counts();
    const res = await admin.post('/api/indicators/999999/values', { periodStart: '2021-01-01', periodEnd: '2021-12-31', value: '5' }).expect(404);
    expect(res.body.message).toBe('Indicator 999999 does not exist');
    expect(await counts()).toEqual(before);
  });

  it('refuses a second value for the same period instead of double counting', async () => {
    const res = await admin.post(`/api/indicators/${ids['AS-U1']}/values`, { periodStart: '2020-01-01', periodEnd: '2020-12-31', value: '1' }).expect(409);
    expect(res.body.message).toMatch(/already exists/);
  });

  it('refuses a funding period that ends before it starts, with an unknown funder, writing nothing', async () => {
    const before = await counts();
    const res = await admin
      .post('/api/projects/AS/funding-periods', { startDate: '2023-01-01', endDate: '2022-12-31', funders: [{ funderId: 1 }, { funderId: 99999 }] })
      .expect(422);
    expect(res.body.errors).toEqual([
      { field: 'endDate', message: 'endDate (2022-12-31) must not be before startDate (2023-01-01)' },
      { field: 'funders[1].funderId', message: 'funder 99999 does not exist' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('names nested fields of a bad funding period payload', async () => {
    const res = await admin.post('/api/projects/AS/funding-periods', { startDate: '2023-01-01', endDate: '2023-12-31', funders: [{ funderId: 'x' }] }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('funders[0].funderId');
  });

  it('accepts a share as numerator and denominator and computes its percentage', async () => {
    const res = await admin
      .post(`/api/indicators/${ids['AS-R1']}/values`, { periodStart: '2021-01-01', periodEnd: '2021-12-31', numerator: '1', denominator: '3' })
      .expect(201);
    expect(res.body).toMatchObject({ value: '33.33', numerator: '1', denominator: '3', year: 2021, enteredBy: 'admin', version: 1 });
  });

  it('accepts a partner part of a partner in the project', async () => {
    const res = await admin
      .post(`/api/indicators/${ids['AS-U1']}/values`, { periodStart: '2021-01-01', periodEnd: '2021-06-30', value: '10', partnerOrganisationId: novusId })
      .expect(201);
    expect(res.body).toMatchObject({ value: '10', partnerOrganisationId: novusId });
  });
});

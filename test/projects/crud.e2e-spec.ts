import { createTestApp, TestApp } from '../support/app';
import { clientFor, Client } from '../support/http';

/** A coordinator sets up a new programme from nothing, the way a real one would be entered. */
describe('setting up a programme over the API', () => {
  let t: TestApp;
  let k: Client;

  beforeAll(async () => {
    t = await createTestApp({ env: { DEMO_DATA: 'true' } });
    k = await clientFor(t.app, 'admin');
  });
  afterAll(() => t.close());

  it('creates organisation, funder, call, project, partners, period, framework, indicators, targets and values', async () => {
    const lead = (await k.post('/api/organisations', { name: 'Zavod Novi val', kind: 'ngo', place: 'Celje', registrationNumber: '1234567000' }).expect(201)).body;
    const partner = (await k.post('/api/organisations', { name: 'Občina Štore', kind: 'municipality' }).expect(201)).body;
    const funder = (await k.post('/api/funders', { code: 'MO-CELJE', name: 'Mestna občina Celje', kind: 'municipality' }).expect(201)).body;
    const call = (await k.post('/api/public-calls', { funderId: funder.id, name: 'Javni razpis za mladinske programe 2024' }).expect(201)).body;

    const project = (await k.post('/api/projects', { code: 'NOVI-VAL', name: 'Mladi za skupnost', leadOrganisationId: lead.id, places: ['Celje', 'Štore'] }).expect(201)).body;
    expect(project).toMatchObject({ code: 'NOVI-VAL', status: 'active', places: ['Celje', 'Štore'] });
    await k.post('/api/projects/NOVI-VAL/partners', { organisationId: partner.id, role: 'partner' }).expect(201);
    await k.post('/api/projects/NOVI-VAL/partners', { organisationId: partner.id, role: 'partner' }).expect(409);

    const period = (
      await k
        .post('/api/projects/NOVI-VAL/funding-periods', {
          startDate: '2024-03-01',
          endDate: '2025-12-31',
          amountEur: '48250.50',
          publicCallId: call.id,
          funders: [{ funderId: funder.id, sharePercent: '80', amountEur: 38600.4 }],
        })
        .expect(201)
    ).body;
    expect(period).toMatchObject({ amountEur: '48250.50', funders: [expect.objectContaining({ sharePercent: '80', amountEur: '38600.4' })] });

    const objective = (await k.post('/api/projects/NOVI-VAL/objectives', { code: 'SC1', name: 'Aktivni mladi' }).expect(201)).body;
    const area = (await k.post('/api/projects/NOVI-VAL/result-areas', { code: 'R1', name: 'Prostovoljstvo', objectiveId: objective.id }).expect(201)).body;
    const persons = (
      await k.post('/api/projects/NOVI-VAL/indicators', { code: 'NV-1', name: 'Število vključenih mladih', kind: 'output', unit: 'persons', resultAreaId: area.id, dimensions: ['gender'] }).expect(201)
    ).body;
    expect(persons).toMatchObject({ aggregation: 'sum', direction: 'at_least', dimensions: ['gender'], version: 1 });

    await k.post(`/api/indicators/${persons.id}/targets`, { value: '100' }).expect(201);
    await k.post(`/api/indicators/${persons.id}/targets`, { year: 2024, value: '40' }).expect(201);
    await k.post(`/api/indicators/${persons.id}/targets`, { year: 2030, value: '40' }).expect(422);
    // A contract amendment raises the 2024 target from May on; the old target stays.
    await k.post(`/api/indicators/${persons.id}/targets`, { year: 2024, value: '50', validFrom: '2024-05-01', reference: 'Aneks 1' }).expect(201);
    expect((await k.get(`/api/indicators/${persons.id}/targets`).expect(200)).body).toHaveLength(3);

    await k.post(`/api/indicators/${persons.id}/values`, { periodStart: '2024-03-01', periodEnd: '2024-12-31', value: '45' }).expect(201);
    await k.post(`/api/indicators/${persons.id}/values`, { periodStart: '2024-03-01', periodEnd: '2024-12-31', value: '30', dimension: 'gender', dimensionValue: 'ženske' }).expect(201);
    await k.post(`/api/indicators/${persons.id}/values`, { periodStart: '2024-03-01', periodEnd: '2024-12-31', value: '20', dimension: 'gender', dimensionValue: 'moški' }).expect(201);
    await k.post(`/api/indicators/${persons.id}/values`, { periodStart: '2024-03-01', periodEnd: '2024-12-31', value: '5', dimension: 'age_group', dimensionValue: '15–19' }).expect(422);

    const summary = (await k.get('/api/projects/NOVI-VAL/indicators/summary?year=2024&asOf=2025-01-20').expect(200)).body;
    expect(summary.indicators[0]).toMatchObject({
      planned: 50,
      plannedTotal: 100,
      achieved: 45,
      achievementPercent: 90,
      status: 'not_met',
      resultArea: { code: 'R1' },
      dimensions: [{ dimension: 'gender', exceedsTotal: true, parts: [{ value: 'ženske', achieved: 30 }, { value: 'moški', achieved: 20 }] }],
    });
    expect(summary.explanationsMissing).toBe(0);

    await k.put(`/api/indicators/${persons.id}/explanations/2024`, { text: 'Zamik začetka zaradi podpisa pogodbe.' }).expect(200);
    await k.put('/api/projects/NOVI-VAL/narratives/2024', { resultAreaId: area.id, text: 'Izvedli smo 12 prostovoljskih akcij.' }).expect(200);
    expect((await k.get('/api/projects/NOVI-VAL/narratives?year=2024').expect(200)).body[0].text).toBe('Izvedli smo 12 prostovoljskih akcij.');
    const edited = await k.put('/api/projects/NOVI-VAL/narratives/2024', { resultAreaId: area.id, text: 'Izvedli smo 14 prostovoljskih akcij.', version: 1 }).expect(200);
    expect(edited.body.version).toBe(2);
    const stale = await k.put('/api/projects/NOVI-VAL/narratives/2024', { resultAreaId: area.id, text: 'Starejša različica', version: 1 }).expect(409);
    expect(stale.body.message).toMatch(/was changed by admin/);
    // A narrative belongs to one of the project's own result areas; another is refused, naming the field in Slovene.
    const foreignArea = await k.put('/api/projects/NOVI-VAL/narratives/2024', { resultAreaId: 999999, text: 'Besedilo' }).expect(422);
    expect(foreignArea.body.errors).toEqual([{ field: 'resultAreaId', message: 'področje 999999 ne obstaja v projektu NOVI-VAL' }]);

    // The period cannot shrink so that entered values fall outside it.
    const shrink = await k.patch(`/api/projects/NOVI-VAL/funding-periods/${period.id}`, { startDate: '2024-06-01' }).expect(422);
    expect(shrink.body.errors[0].message).toMatch(/would fall outside every funding period/);

    const renamed = await k.patch('/api/projects/NOVI-VAL', { name: 'Mladi za skupnost 2024–2025' }).expect(200);
    expect(renamed.body.name).toBe('Mladi za skupnost 2024–2025');
    await k.delete(`/api/projects/NOVI-VAL/result-areas/${area.id}`).expect(204);
    await k.delete('/api/projects/NOVI-VAL/unknown-kind/1').expect(404);
    // A project with figures is closed, not deleted: deleting would take its figures along unaudited.
    const refused = await k.delete('/api/projects/NOVI-VAL').set('Accept-Language', 'en').expect(409);
    expect(refused.body.message).toBe('Project NOVI-VAL has 1 indicator(s); set its status to completed or cancelled instead of deleting it');
    expect((await k.patch('/api/projects/NOVI-VAL', { status: 'cancelled' }).expect(200)).body.status).toBe('cancelled');
    await k.post('/api/projects', { code: 'PRAZEN', name: 'Pomotoma vnesen', leadOrganisationId: lead.id }).expect(201);
    await k.post('/api/projects/PRAZEN/funding-periods', { startDate: '2024-01-01', endDate: '2024-12-31' }).expect(201);
    await k.put('/api/projects/PRAZEN/narratives/2024', { text: 'Osnutek' }).expect(200);
    await k.delete('/api/projects/PRAZEN').expect(204);
    // Its narrative went with it, through the reports feature, with its own audit entry.
    const trail = (await k.get('/api/audit/verify').expect(200)).body;
    expect(trail.ok).toBe(true);
    await k.get('/api/projects/PRAZEN').expect(404);
  });
});

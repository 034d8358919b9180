import request from 'supertest';
import { createTestApp, TestApp } from '../support/app';
import { login } from '../support/auth';
import { Client, clientFor } from '../support/http';

/**
 * Recording values in batches through the one write path: all or nothing, every error with its
 * row and field, idempotent repeats, stale rows naming who changed them, locked years frozen
 * wherever they show, and per-indicator serialisation of concurrent creates (run on PostgreSQL
 * too, by the CI's second pass of this suite).
 */
describe('recording values in batches', () => {
  let t: TestApp;
  let vodja: Client;
  let koordinator: Client;
  let admin: Client;
  let ind: Record<string, number>;
  let partners: Record<string, number>;

  beforeAll(async () => {
    t = await createTestApp();
    [vodja, koordinator, admin] = await Promise.all(['vodja', 'koordinator', 'admin'].map((u) => clientFor(t.app, u, 'en')));
    const list = (await vodja.get('/api/projects/AS/indicators').expect(200)).body as { id: number; code: string }[];
    ind = Object.fromEntries(list.map((i) => [i.code, i.id]));
    const detail = (await vodja.get('/api/projects/AS').expect(200)).body as { partners: { organisationId: number; role: string; organisation: { name: string } }[] };
    partners = Object.fromEntries(detail.partners.filter((p) => p.role === 'partner').map((p, i) => [`P${i + 1}`, p.organisationId]));
  });
  afterAll(() => t.close());

  const count = async (indicatorId: number, year: number) => (await vodja.get(`/api/indicators/${indicatorId}/values?year=${year}`).expect(200)).body.length as number;
  const rowsFor2021 = () => [
    { row: 2, indicatorId: ind['AS-U1'], periodStart: '2021-01-01', periodEnd: '2021-12-31', value: '30' },
    { row: 3, indicatorId: ind['AS-U1'], periodStart: '2021-01-01', periodEnd: '2021-12-31', partnerOrganisationId: partners.P1, value: '10' },
    { row: 4, indicatorId: ind['AS-R1'], periodStart: '2021-01-01', periodEnd: '2021-12-31', numerator: '9', denominator: '30' },
  ];

  it('answers a dry run with what would happen, writing nothing', async () => {
    const res = await vodja.post('/api/projects/AS/values', { rows: rowsFor2021(), dryRun: true }).expect(200);
    expect(res.body).toMatchObject({ dryRun: true, applied: false, counts: { create: 3, update: 0, unchanged: 0 }, errors: [] });
    expect(res.body.rows[2]).toMatchObject({ row: 4, action: 'create', value: '30.00', indicatorCode: 'AS-R1' });
    await expect(count(ind['AS-U1'], 2021)).resolves.toBe(0);
  });

  it('refuses a batch with one bad row as a whole, naming every bad row and field', async () => {
    const rows = [...rowsFor2021(), { row: 5, indicatorId: ind['AS-U1'], periodStart: '2021-01-01', periodEnd: '2021-12-31', partnerOrganisationId: partners.P2, value: '12.5' }];
    const res = await vodja.post('/api/projects/AS/values', { rows }).expect(422);
    expect(res.body.errors).toEqual([{ row: 5, field: 'value', message: '12.5 is not a whole number: this indicator counts persons or events' }]);
    await expect(count(ind['AS-U1'], 2021)).resolves.toBe(0);
  });

  it('answers the errors in Slovene by default', async () => {
    const rows = [{ indicatorId: ind['AS-U1'], periodStart: '2021-01-01', periodEnd: '2021-12-31', value: '12.5' }];
    const res = await request(t.app.getHttpServer()).post('/api/projects/AS/values').set('Authorization', `Bearer ${await login(t.app, 'vodja')}`).send({ rows }).expect(422);
    expect(res.body.errors[0].message).toBe('12.5 ni celo število: ta kazalnik šteje osebe ali dogodke');
    expect(res.body.message).toMatch(/^Nič ni shranjeno: vrstica 1, value/);
  });

  it('refuses partners’ parts above the total unless confirmed with a reason', async () => {
    const rows = [
      { indicatorId: ind['AS-U1'], periodStart: '2021-01-01', periodEnd: '2021-12-31', value: '30' },
      { indicatorId: ind['AS-U1'], periodStart: '2021-01-01', periodEnd: '2021-12-31', partnerOrganisationId: partners.P1, value: '10' },
      { indicatorId: ind['AS-U1'], periodStart: '2021-01-01', periodEnd: '2021-12-31', partnerOrganisationId: partners.P2, value: '1250' },
    ];
    const res = await vodja.post('/api/projects/AS/values', { rows, dryRun: true }).expect(200);
    expect(res.body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(['1:value', '2:value', '3:value']);
    expect(res.body.errors[0].message).toMatch(/parts \(1\.260\) exceed the total of AS-U1 for 2021 \(30\)/);
    // The code tells a client (the grid, the import page) to offer "confirm with a reason".
    expect(res.body.errors.map((e: { code?: string }) => e.code)).toEqual(['partner_excess', 'partner_excess', 'partner_excess']);
    const confirmed = await vodja.post('/api/projects/AS/values', { rows, dryRun: true, partnerExcessReason: 'Partner je štel tudi udeležence drugih programov' }).expect(200);
    expect(confirmed.body.errors).toEqual([]);
  });

  it('writes a batch all at once, with one audit entry per value sharing a batch id, and repeating it changes nothing', async () => {
    const res = await vodja.post('/api/projects/AS/values', { rows: rowsFor2021() }).expect(200);
    expect(res.body).toMatchObject({ applied: true, counts: { create: 3, update: 0, unchanged: 0 } });
    expect(res.body.batchId).toMatch(/^[0-9a-f-]{36}$/);
    const again = await vodja.post('/api/projects/AS/values', { rows: rowsFor2021() }).expect(200);
    expect(again.body.counts).toEqual({ create: 0, update: 0, unchanged: 3 });
    expect(again.body.batchId).toBeNull();

    const history = await admin.get(`/api/indicators/${ind['AS-U1']}/history`).expect(200);
    const created = history.body.events.filter((e: { action: string; batchId?: string }) => e.action === 'create' && e.batchId === res.body.batchId);
    expect(created).toHaveLength(2);
    await expect(admin.get('/api/audit/verify').expect(200)).resolves.toMatchObject({ body: { ok: true } });
  });

  it('changes stored values by id and version with a reason, and names who changed a stale row', async () => {
    const [total] = (await vodja.get(`/api/indicators/${ind['AS-U1']}/values?year=2021`).expect(200)).body.filter((v: { partnerOrganisationId: number | null }) => v.partnerOrganisationId === null);
    const row = { id: total.id, version: total.version, indicatorId: ind['AS-U1'], periodStart: '2021-01-01', periodEnd: '2021-12-31', value: '31' };
    const noReason = await vodja.post('/api/projects/AS/values', { rows: [row] }).expect(422);
    expect(noReason.body.errors).toEqual([{ row: null, field: 'reason', message: 'give the reason for the change (at least 3 characters)' }]);
    await koordinator.post('/api/projects/AS/values', { rows: [row], reason: 'Naknadno prijavljen udeleženec' }).expect(200);
    const stale = await vodja.post('/api/projects/AS/values', { rows: [{ ...row, value: '32' }], reason: 'Popravek' }).expect(409);
    expect(stale.body.errors[0]).toMatchObject({ row: 1, field: 'version' });
    expect(stale.body.errors[0].message).toMatch(/changed by koordinator at .* \(now version 2, your change was based on version 1\)/);
  });

  it('stores exactly one of 50 parallel overlapping creates, and answers the others 409 naming it', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => vodja.post(`/api/indicators/${ind['AS-U1']}/values`, { periodStart: '2022-03-01', periodEnd: i % 2 ? '2022-03-31' : '2022-03-15', value: String(i + 1) })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
    const winner = answers.find((a) => a.status === 201)!.body.id;
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.existingId === winner)).toBe(true);
    const march = (await vodja.get(`/api/indicators/${ind['AS-U1']}/values?year=2022`).expect(200)).body.filter((v: { periodStart: string }) => v.periodStart === '2022-03-01');
    expect(march).toHaveLength(1);
  });

  it('takes the first explanation and narrative of a year once, however many arrive at the same moment', async () => {
    const explanations = await Promise.all(Array.from({ length: 20 }, (_, i) => vodja.put(`/api/indicators/${ind['AS-R1']}/explanations/2022`, { text: `Obrazložitev ${i}` })));
    expect(explanations.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    expect((await vodja.get(`/api/indicators/${ind['AS-R1']}/explanations`).expect(200)).body.filter((e: { year: number }) => e.year === 2022)).toHaveLength(1);
    const narratives = await Promise.all(Array.from({ length: 20 }, (_, i) => vodja.put('/api/projects/AS/narratives/2022', { text: `Opis ${i}` })));
    expect(narratives.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    expect((await vodja.get('/api/projects/AS/narratives?year=2022').expect(200)).body).toHaveLength(1);
  });

  it("lets a partner organisation's coordinator enter that organisation's part, and only that", async () => {
    const lu = await clientFor(t.app, 'koordinator-lu', 'en');
    const may = (await lu.get('/api/projects/AS').expect(200)).body as { partners: { organisationId: number; organisation: { name: string } }[] };
    const own = may.partners.find((p) => p.organisation.name.startsWith('Andragoški'))!.organisationId;
    const other = may.partners.find((p) => p.organisation.name.startsWith('Zavod'))!.organisationId;
    const row = (partnerOrganisationId?: number) => ({ indicatorId: ind['AS-U1'], periodStart: '2022-05-01', periodEnd: '2022-05-31', value: '1', ...(partnerOrganisationId ? { partnerOrganisationId } : {}) });
    const refused = await lu.post('/api/projects/AS/values', { rows: [row(), row(other)] }).expect(422);
    expect(refused.body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(['1:partnerOrganisationId', '2:partnerOrganisationId']);
    expect(refused.body.errors[0].message).toBe("you may enter only your own organisation's part; the lead partner enters the totals");
    const saved = await lu.post('/api/projects/AS/values', { rows: [row(own)] });
    expect(saved.body.errors ?? []).toEqual([]);
    expect(saved.body.counts.create).toBe(1);
    await lu.post('/api/projects/AS/values', { rows: [row(own)], correction: true, reason: 'Poskus', reasonCategory: 'other' }).expect(403);
  });

  it('freezes a locked year wherever it shows: earlier years and the indicator definition', async () => {
    await koordinator.post('/api/projects/AS/locks', { year: 2021, reason: 'Oddano' }).expect(201);
    const earlier = await vodja.post('/api/projects/AS/values', { rows: [{ indicatorId: ind['AS-U1'], periodStart: '2020-02-01', periodEnd: '2020-02-29', partnerOrganisationId: partners.P2, value: '1' }] }).expect(423);
    expect(earlier.body.errors[0].message).toMatch(/would change the running and to-date figures of the locked years \(2021\)/);
    const stored = (await vodja.get(`/api/indicators/${ind['AS-U1']}/values?year=2021`).expect(200)).body as Record<string, unknown>[];
    const same = stored.map(({ id, version, indicatorId, periodStart, periodEnd, partnerOrganisationId, value }) => ({ id, version, indicatorId, periodStart, periodEnd, value, ...(partnerOrganisationId ? { partnerOrganisationId } : {}) }));
    const repeat = await vodja.post('/api/projects/AS/values', { rows: same }).expect(200); // the same figures again: no change, even locked
    expect(repeat.body.counts).toEqual({ create: 0, update: 0, unchanged: 2 });
    const renamed = await koordinator.patch(`/api/indicators/${ind['AS-U1']}`, { name: 'Drugo ime' }).expect(423);
    expect(renamed.body.lockedYears).toEqual([2021]);
    await koordinator.patch(`/api/indicators/${ind['AS-U1']}`, { baselineValue: '5' }).expect(423);
    const correction = await koordinator
      .post('/api/projects/AS/values', {
        rows: [{ indicatorId: ind['AS-U1'], periodStart: '2020-02-01', periodEnd: '2020-02-29', partnerOrganisationId: partners.P2, value: '1' }],
        correction: true,
        reason: 'Naknadno najdena evidenca',
        reasonCategory: 'late_evidence',
      })
      .expect(200);
    expect(correction.body.counts.create).toBe(1);
    await vodja.post('/api/projects/AS/values', { rows: [{ indicatorId: ind['AS-U1'], periodStart: '2020-03-01', periodEnd: '2020-03-31', partnerOrganisationId: partners.P2, value: '1' }], correction: true, reason: 'Poskus', reasonCategory: 'other' }).expect(403);
  });
});

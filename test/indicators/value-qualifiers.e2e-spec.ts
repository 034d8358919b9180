import { createTestApp, TestApp } from '../support/app';
import { Client, clientFor } from '../support/http';
import { extractPdfText, flattenWhitespace } from '../support/pdf-text';

/**
 * A figure's qualifier ("vsaj 1.000", "približno 120") is written through the one write path like
 * the figure itself: on a new value, a change and a batch row; absent keeps it, null clears it;
 * every change is audited; the report prints it with the figure.
 */
describe('value qualifiers over the API', () => {
  let t: TestApp;
  let vodja: Client;
  let vodjaSl: Client;
  let ind: Record<string, number>;

  beforeAll(async () => {
    t = await createTestApp();
    [vodja, vodjaSl] = await Promise.all([clientFor(t.app, 'vodja', 'en'), clientFor(t.app, 'vodja')]);
    const list = (await vodja.get('/api/projects/AS/indicators').expect(200)).body as { id: number; code: string }[];
    ind = Object.fromEntries(list.map((i) => [i.code, i.id]));
  });
  afterAll(() => t.close());

  const reportText = async () => {
    const res = await vodja.get('/api/projects/AS/reports/annual?year=2021&format=pdf&date=2022-01-15').buffer(true).expect(200);
    return flattenWhitespace(await extractPdfText(res.body as Buffer));
  };

  it('stores a qualifier with a new value, prints it with the figure, changes and clears it with an audit entry each', async () => {
    const created = await vodja
      .post(`/api/indicators/${ind['AS-U1']}/values`, { periodStart: '2021-01-01', periodEnd: '2021-12-31', value: '30', qualifier: 'at_least' })
      .expect(201);
    expect(created.body).toMatchObject({ value: '30', qualifier: 'at_least' });
    expect(await reportText()).toContain('vsaj 30');

    // A change of the figure alone keeps the qualifier.
    const changed = await vodja.patch(`/api/values/${created.body.id}`, { version: created.body.version, value: '31', reason: 'Dopolnjena evidenca' }).expect(200);
    expect(changed.body).toMatchObject({ value: '31', qualifier: 'at_least' });

    const approx = await vodja.patch(`/api/values/${created.body.id}`, { version: changed.body.version, qualifier: 'approximately', reason: 'Vir navaja približno' }).expect(200);
    expect(approx.body).toMatchObject({ value: '31', qualifier: 'approximately' });
    expect(await reportText()).toContain('približno 31');

    const cleared = await vodja.patch(`/api/values/${created.body.id}`, { version: approx.body.version, qualifier: null, reason: 'Točno število iz evidence' }).expect(200);
    expect(cleared.body.qualifier).toBeNull();
    const text = await reportText();
    expect(text).not.toContain('približno 31');
    expect(text).not.toContain('vsaj 31');

    const history = (await vodja.get(`/api/indicators/${ind['AS-U1']}/history`).expect(200)).body as { events: { entityType: string; entityId: string; after?: { qualifier?: string | null } }[] };
    const qualifiers = history.events.filter((e) => e.entityType === 'achieved_value' && e.entityId === String(created.body.id)).map((e) => e.after?.qualifier ?? null);
    expect(qualifiers).toEqual(['at_least', 'at_least', 'approximately', null]);
  });

  it('takes a qualifier on a batch row; repeating the row with the same qualifier changes nothing, another qualifier is a change', async () => {
    const detail = (await vodja.get('/api/projects/AS').expect(200)).body as { partners: { organisationId: number; role: string }[] };
    const partner = detail.partners.find((p) => p.role === 'partner')!.organisationId;
    const row = { indicatorId: ind['AS-U1'], periodStart: '2021-01-01', periodEnd: '2021-12-31', partnerOrganisationId: partner, value: '12', qualifier: 'approximately' };
    const first = await vodja.post('/api/projects/AS/values', { rows: [row] }).expect(200);
    expect(first.body.counts).toEqual({ create: 1, update: 0, unchanged: 0 });
    const again = await vodja.post('/api/projects/AS/values', { rows: [row] }).expect(200);
    expect(again.body.counts).toEqual({ create: 0, update: 0, unchanged: 1 });

    const stored = ((await vodja.get(`/api/indicators/${ind['AS-U1']}/values?year=2021`).expect(200)).body as { id: number; version: number; partnerOrganisationId: number | null }[]).find((v) => v.partnerOrganisationId === partner)!;
    const other = await vodja
      .post('/api/projects/AS/values', { rows: [{ ...row, id: stored.id, version: stored.version, qualifier: 'more_than' }], reason: 'Vir pravi več kot 12' })
      .expect(200);
    expect(other.body.counts).toEqual({ create: 0, update: 1, unchanged: 0 });
    expect((await vodja.get(`/api/values/${stored.id}`).expect(200)).body.qualifier).toBe('more_than');
  });

  it('refuses an unknown qualifier with 400 naming the field, in Slovene by default', async () => {
    const body = { periodStart: '2021-01-01', periodEnd: '2021-06-30', value: '3', qualifier: 'roughly' };
    const res = await vodjaSl.post(`/api/indicators/${ind['AS-U1']}/values`, body).expect(400);
    expect(JSON.stringify(res.body)).toContain('qualifier');
    expect(res.body.message).toMatch(/qualifier/);
    expect(res.body.message).not.toMatch(/must be/);
  });
});

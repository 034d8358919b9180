import { createTestApp, TestApp } from '../support/app';
import { clientFor, Client } from '../support/http';

type Step = { action: string; fromState: string; toState: string; actor: string; at: string; comment: string | null };

/**
 * The whole reporting cycle for AS 2021: the manager enters, a partner marks its part ready, the
 * coordinator submits, the funder's reviewer returns it with a reason, the coordinator corrects a
 * value with a reason and resubmits, the reviewer approves, and the year is locked.
 */
describe('reporting cycle of AS 2021', () => {
  let t: TestApp;
  let vodja: Client;
  let koordinator: Client;
  let partner: Client;
  let skrbnik: Client;
  let ids: Record<string, number>;
  let orgs: Record<string, number>;
  let valueId: number;
  let version: number;
  const cycle = '/api/projects/AS/reports/cycle';

  beforeAll(async () => {
    t = await createTestApp();
    [vodja, koordinator, partner, skrbnik] = await Promise.all(['vodja', 'koordinator', 'koordinator-lu', 'skrbnik'].map((u) => clientFor(t.app, u)));
    const list = await vodja.get('/api/projects/AS/indicators').expect(200);
    ids = Object.fromEntries(list.body.map((i: { code: string; id: number }) => [i.code, i.id]));
    const detail = await vodja.get('/api/projects/AS').expect(200);
    orgs = Object.fromEntries(detail.body.partners.map((p: { organisationId: number; organisation: { shortName: string | null; name: string } }) => [p.organisation.shortName ?? p.organisation.name, p.organisationId]));
  });
  afterAll(() => t.close());

  it('starts as a draft with both partners not ready and nothing blocking', async () => {
    const res = await vodja.get(`${cycle}?year=2021`).expect(200);
    expect(res.body).toMatchObject({ projectCode: 'AS', year: 2021, state: 'draft', allPartsReady: false, history: [] });
    expect(res.body.partners.map((p: { ready: boolean }) => p.ready)).toEqual([false, false]);
  });

  it('the manager enters the year’s figures', async () => {
    const created = await vodja.post(`/api/indicators/${ids['AS-U1']}/values`, { periodStart: '2021-01-01', periodEnd: '2021-12-31', value: '48' }).expect(201);
    valueId = created.body.id;
    version = created.body.version;
    await vodja.post(`/api/indicators/${ids['AS-R1']}/values`, { periodStart: '2021-01-01', periodEnd: '2021-12-31', numerator: '14', denominator: '48' }).expect(201);
    const list = await vodja.get(`/api/projects/AS/reports/checklist?year=2021`).expect(200);
    expect(list.body).toMatchObject({ ok: true, blocking: 0 });
  });

  it('the partner’s coordinator marks its part ready, and only its own', async () => {
    await partner.post(`${cycle}/parts`, { year: 2021, organisationId: orgs['Uspešen.si'] }).expect(403);
    const res = await partner.post(`${cycle}/parts`, { year: 2021, organisationId: orgs['LU Velenje'], comment: 'Del LU Velenje vnesen' }).expect(200);
    expect(res.body.partners.find((p: { organisationId: number }) => p.organisationId === orgs['LU Velenje'])).toMatchObject({ ready: true, readyBy: 'koordinator-lu' });
    expect(res.body.state).toBe('draft');
  });

  it('refuses to submit before every partner is ready, naming who is missing, unless overridden with a reason', async () => {
    const refused = await koordinator.post(`${cycle}/submit`, { year: 2021 }).expect(409);
    expect(refused.body.message).toContain('Zavod za izobraževanje in usposabljanje USPEŠEN.SI');
    const res = await koordinator.post(`${cycle}/submit`, { year: 2021, overrideReason: 'Uspešen.si v letu 2021 ni izvajal aktivnosti' }).expect(200);
    expect(res.body.state).toBe('submitted');
    expect(res.body.submission.files.map((f: { format: string }) => f.format)).toEqual(['xlsx', 'pdf']);
    const locks = await vodja.get('/api/projects/AS/locks').expect(200);
    expect(locks.body.map((l: { year: number }) => l.year)).toContain(2021);
  });

  it('the reviewer sees the report in the queue, reads the project, the files and the history, comments, and changes no figure', async () => {
    const queue = await skrbnik.get('/api/reports/review-queue').expect(200);
    expect(queue.body).toEqual([expect.objectContaining({ projectCode: 'AS', year: 2021, state: 'submitted' })]);
    const view = await skrbnik.get(`${cycle}?year=2021`).expect(200);
    expect(view.body.actions).toEqual(['return', 'approve']);
    await skrbnik.get(`/api/reports/submissions/${view.body.latestSubmissionId}/files/pdf`).expect(200);
    await skrbnik.get(`/api/indicators/${ids['AS-U1']}/history`).expect(200);
    await skrbnik.post(`/api/indicators/${ids['AS-U1']}/comments`, { year: 2021, text: 'Prosimo za seznam vključenih oseb.' }).expect(201);
    await skrbnik.patch(`/api/values/${valueId}`, { value: '1', version, reason: 'Poskus' }).expect(403);
    await skrbnik.get('/api/projects/SPIN').expect(404);
    const comments = await vodja.get(`/api/indicators/${ids['AS-U1']}/comments?year=2021`).expect(200);
    expect(comments.body).toEqual([expect.objectContaining({ author: 'skrbnik', authorRole: 'reviewer', text: 'Prosimo za seznam vključenih oseb.' })]);
  });

  it('no correction while the report is under review', async () => {
    await koordinator.post(`/api/values/${valueId}/corrections`, { value: '50', version, reason: 'Dopolnitev', reasonCategory: 'funder_request' }).expect(409);
  });

  it('the reviewer returns it with a reason; the lead is told', async () => {
    await skrbnik.post(`${cycle}/review`, { year: 2021, action: 'return' }).expect(422);
    const res = await skrbnik.post(`${cycle}/review`, { year: 2021, action: 'return', comment: 'AS-U1: število vključenih ne ustreza seznamu (50 oseb).' }).expect(200);
    expect(res.body.state).toBe('returned');
    const notices = await koordinator.get('/api/notifications').expect(200);
    expect(notices.body[0]).toMatchObject({ kind: 'report_returned', subject: 'Poročilo AS za leto 2021 je vrnjeno v dopolnitev' });
  });

  it('the coordinator corrects the value with a reason and resubmits', async () => {
    await koordinator.patch(`/api/values/${valueId}`, { value: '50', version, reason: 'Popravek' }).expect(423);
    const corrected = await koordinator.post(`/api/values/${valueId}/corrections`, { value: '50', version, reason: 'Po seznamu vključenih je bilo 50 oseb', reasonCategory: 'funder_request' }).expect(201);
    version = corrected.body.version;
    const res = await koordinator.post(`${cycle}/submit`, { year: 2021, overrideReason: 'Uspešen.si v letu 2021 ni izvajal aktivnosti', comment: 'Popravljeno AS-U1' }).expect(200);
    expect(res.body.state).toBe('resubmitted');
  });

  it('the reviewer approves; the year stays locked and every step is in the history', async () => {
    const res = await skrbnik.post(`${cycle}/review`, { year: 2021, action: 'approve', comment: 'Odobreno.' }).expect(200);
    expect(res.body.state).toBe('approved');
    expect(res.body.actions).toEqual([]);
    const steps = res.body.history as Step[];
    expect(steps.map((s) => [s.action, s.toState, s.actor])).toEqual([
      ['part_ready', 'draft', 'koordinator-lu'],
      ['submit', 'submitted', 'koordinator'],
      ['return', 'returned', 'skrbnik'],
      ['submit', 'resubmitted', 'koordinator'],
      ['approve', 'approved', 'skrbnik'],
    ]);
    expect(steps[2].comment).toBe('AS-U1: število vključenih ne ustreza seznamu (50 oseb).');
    expect(steps[1].comment).toContain('Uspešen.si v letu 2021 ni izvajal aktivnosti');
    for (const s of steps) expect(s.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    await vodja.patch(`/api/values/${valueId}`, { value: '51', version, reason: 'Popravek' }).expect(423);
    const history = await skrbnik.get(`/api/indicators/${ids['AS-U1']}/history`).expect(200);
    expect(JSON.stringify(history.body)).toContain('Po seznamu vključenih je bilo 50 oseb');
    const deadlines = await vodja.get('/api/deadlines?project=AS&year=2021').expect(200);
    expect(deadlines.body.deadlines.find((d: { kind: string }) => d.kind === 'annual_report')).toMatchObject({ done: true, status: 'done' });
  });

  it('refuses a second approval and a submission of an approved report', async () => {
    await skrbnik.post(`${cycle}/review`, { year: 2021, action: 'approve' }).expect(409);
    await koordinator.post(`${cycle}/submit`, { year: 2021, overrideReason: 'x' }).expect(409);
  });
});

describe('submitting with a missing explanation of deviations', () => {
  let t: TestApp;
  let koordinator: Client;

  beforeAll(async () => {
    t = await createTestApp();
    koordinator = await clientFor(t.app, 'koordinator');
  });
  afterAll(() => t.close());

  it('is refused with the indicator named, and the checklist says what else is missing', async () => {
    const list = await koordinator.get('/api/projects/AS/reports/checklist?year=2020').expect(200);
    expect(list.body.ok).toBe(false);
    expect(list.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'explanation_missing', blocking: true, indicatorCode: 'AS-R1' })]));
    const refused = await koordinator.post('/api/projects/AS/reports/cycle/submit', { year: 2020, overrideReason: 'test' }).expect(422);
    expect(refused.body.message).toContain('AS-R1');
    await koordinator.get('/api/projects/AS/reports/submissions').expect(200, []);
  });
});

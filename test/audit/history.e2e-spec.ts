import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../support/app';
import { clientFor, Client } from '../support/http';

/** How a figure came to be, and that nothing changes quietly. */
describe('indicator history, locks, corrections and concurrent edits', () => {
  let t: TestApp;
  let vodja: Client;
  let koordinator: Client;
  let revizor: Client;
  let admin: Client;
  let indicatorId: number;

  beforeAll(async () => {
    t = await createTestApp();
    [vodja, koordinator, revizor, admin] = await Promise.all(['vodja', 'koordinator', 'revizor', 'admin'].map((u) => clientFor(t.app, u, 'en')));
    const list = await vodja.get('/api/projects/AS/indicators').expect(200);
    indicatorId = list.body.find((i: { code: string }) => i.code === 'AS-U1').id;
  });
  afterAll(() => t.close());

  it('shows a value changed twice as three states with actors and reasons, and as it was at a moment', async () => {
    const created = await vodja.post(`/api/indicators/${indicatorId}/values`, { periodStart: '2021-01-01', periodEnd: '2021-12-31', value: '40', comment: 'Prvi vnos' }).expect(201);
    const first = await vodja.patch(`/api/values/${created.body.id}`, { version: 1, value: '45', reason: 'Dodani udeleženci iz Mozirja' }).expect(200);
    expect(first.body.version).toBe(2);
    await new Promise((r) => setTimeout(r, 20)); // so that a moment lies strictly between the two changes
    await koordinator.patch(`/api/values/${created.body.id}`, { version: 2, value: '47', reason: 'Uskladitev z evidenco prisotnosti', reasonCategory: 'late_evidence' }).expect(200);

    const history = await revizor.get(`/api/indicators/${indicatorId}/history`).expect(200);
    const own = history.body.events.filter((e: { entityType: string; entityId: string }) => e.entityType === 'achieved_value' && e.entityId === String(created.body.id));
    expect(own.map((e: { action: string; actor: string; after: { value: string }; reason: string | null }) => [e.action, e.actor, e.after.value, e.reason])).toEqual([
      ['create', 'vodja', '40', 'Prvi vnos'],
      ['update', 'vodja', '45', 'Dodani udeleženci iz Mozirja'],
      ['update', 'koordinator', '47', 'Uskladitev z evidenco prisotnosti'],
    ]);
    expect(own[2].before.value).toBe('45');

    // Just before the last change: the figure was 45.
    const moment = new Date(Date.parse(own[2].occurredAt) - 1).toISOString();
    const asOf = await revizor.get(`/api/indicators/${indicatorId}/history?asOf=${moment}`).expect(200);
    const record = asOf.body.asOf.records.find((r: { entityType: string; entityId: string }) => r.entityType === 'achieved_value' && r.entityId === String(created.body.id));
    expect(record.state).toMatchObject({ value: '45', version: 2, enteredBy: 'vodja' });

    const beforeCreation = new Date(Date.parse(own[0].occurredAt) - 1).toISOString();
    const earlier = await revizor.get(`/api/indicators/${indicatorId}/history?asOf=${beforeCreation}`).expect(200);
    expect(earlier.body.asOf.records.some((r: { entityId: string }) => r.entityId === String(created.body.id))).toBe(false);
  });

  it('answers 409 with the current value and who changed it to the second of two edits on the same version', async () => {
    const created = await vodja.post(`/api/indicators/${indicatorId}/values`, { periodStart: '2022-01-01', periodEnd: '2022-06-30', value: '10' }).expect(201);
    const [a, b] = await Promise.all([
      vodja.patch(`/api/values/${created.body.id}`, { version: 1, value: '11', reason: 'Popravek A' }),
      koordinator.patch(`/api/values/${created.body.id}`, { version: 1, value: '12', reason: 'Popravek B' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 200 ? a : b;
    expect(loser.body.current).toMatchObject({ id: created.body.id, version: 2, value: winner.body.value, enteredBy: winner.body.enteredBy });
    expect(loser.body.message).toMatch(new RegExp(`changed by ${winner.body.enteredBy}`));
  });

  it('refuses a plain write into a locked year and accepts a coordinator correction with a reason', async () => {
    const values = await vodja.get(`/api/indicators/${indicatorId}/values?year=2020`).expect(200);
    const value = values.body[0];
    await koordinator.post('/api/projects/AS/locks', { year: 2020, reason: 'Pregledano' }).expect(201);

    const plain = await vodja.patch(`/api/values/${value.id}`, { version: value.version, value: '63', reason: 'Naknadno' }).expect(423);
    expect(plain.body.message).toMatch(/2020 is locked/);
    await vodja.post(`/api/indicators/${indicatorId}/values`, { periodStart: '2020-01-01', periodEnd: '2020-06-30', value: '1' }).expect(423);
    await vodja.post(`/api/values/${value.id}/corrections`, { version: value.version, value: '63', reason: 'x'.repeat(5), reasonCategory: 'other' }).expect(403);
    await koordinator.post(`/api/values/${value.id}/corrections`, { version: value.version, value: '63', reason: 'Napaka pri vnosu' }).expect(422);

    const corrected = await koordinator
      .post(`/api/values/${value.id}/corrections`, { version: value.version, value: '63', reason: 'Napaka pri vnosu: en udeleženec ni bil vpisan', reasonCategory: 'data_entry_error' })
      .expect(201);
    expect(corrected.body).toMatchObject({ value: '63', version: value.version + 1 });

    const history = await revizor.get(`/api/indicators/${indicatorId}/history`).expect(200);
    const correction = history.body.events.find((e: { action: string }) => e.action === 'correct');
    expect(correction).toMatchObject({ actor: 'koordinator', reasonCategory: 'data_entry_error', before: { value: '62' }, after: { value: '63' } });
  });

  it('lets only an administrator unlock a year, with a reason, and records it', async () => {
    await koordinator.post('/api/projects/AS/locks', { year: 2021 }).expect(201);
    await koordinator.delete('/api/projects/AS/locks/2021', { reason: 'Vrnjeno v dopolnitev' }).expect(403);
    await admin.delete('/api/projects/AS/locks/2021', {}).expect(400);
    await admin.delete('/api/projects/AS/locks/2021', { reason: 'Ministrstvo je vrnilo poročilo v dopolnitev' }).expect(204);
    const locks = await revizor.get('/api/projects/AS/locks').expect(200);
    expect(locks.body.map((l: { year: number }) => l.year)).not.toContain(2021);
    await admin.delete('/api/projects/AS/locks/2021', { reason: 'Še enkrat' }).expect(404);
  });

  it('exports the trail as CSV with formulas neutralised, and as XLSX', async () => {
    await vodja.post(`/api/indicators/${indicatorId}/values`, { periodStart: '2022-07-01', periodEnd: '2022-07-31', value: '2', comment: '=cmd|"/c calc"!A1' }).expect(201);
    const csv = await revizor.get(`/api/indicators/${indicatorId}/history/export?format=csv`).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(csv.text.split('\r\n')[0]).toBe(
      '\uFEFFZap. št. vnosa,Čas (UTC),Uporabnik,Vloga,Dejanje,Zapis,ID zapisa,Projekt,Kazalnik,Merska enota,Sprememba,Razlog,Kategorija razloga',
    );
    const xlsx = await revizor.get(`/api/indicators/${indicatorId}/history/export?format=xlsx`).expect(200);
    expect(xlsx.headers['content-disposition']).toContain('revizijska-sled-kazalnik-AS-U1.xlsx');
    await revizor.get(`/api/indicators/${indicatorId}/history/export?format=doc`).expect(422);
  });

  it('lets an auditor read but not write', async () => {
    await revizor.post(`/api/indicators/${indicatorId}/values`, { periodStart: '2021-01-01', periodEnd: '2021-03-31', value: '1' }).expect(403);
  });

  it('keeps the chain intact through all of this, and finds the first entry edited behind the app', async () => {
    const ok = await revizor.get('/api/audit/verify').expect(200);
    expect(ok.body.ok).toBe(true);
    expect(ok.body.entries).toBeGreaterThan(250);

    const ds = t.app.get(DataSource);
    const [{ id }] = await ds.query(`SELECT id FROM audit_entry WHERE "entityType" = 'achieved_value' ORDER BY id LIMIT 1 OFFSET 5`);
    await expect(ds.query(`UPDATE audit_entry SET reason = 'tiho' WHERE id = ${id}`)).rejects.toThrow(/append-only|audit/);
    if (ds.options.type === 'postgres') {
      await ds.query('ALTER TABLE audit_entry DISABLE TRIGGER USER');
      await ds.query(`UPDATE audit_entry SET "after" = replace("after", '"value":"', '"value":"1') WHERE id = ${id}`);
      await ds.query('ALTER TABLE audit_entry ENABLE TRIGGER USER');
    } else {
      await ds.query('DROP TRIGGER audit_entry_no_update');
      await ds.query(`UPDATE audit_entry SET "after" = replace("after", '"value":"', '"value":"1') WHERE id = ${id}`);
    }
    const broken = await admin.get('/api/audit/verify').expect(200);
    expect(broken.body).toMatchObject({ ok: false, firstBrokenEntry: { id: Number(id), reason: 'hash mismatch' } });
  });
});

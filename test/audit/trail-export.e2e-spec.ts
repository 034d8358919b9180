import ExcelJS from 'exceljs';
import request from 'supertest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DataSource } from 'typeorm';
import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { createTestApp, TestApp } from '../support/app';
import { clientFor, Client } from '../support/http';
import { submitReport } from '../support/submit-report';

/** The auditor's exports: readable Slovene, the whole trail with filters, streamed with flat memory. */
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('audit trail exports', () => {
  let t: TestApp;
  let vodja: Client;
  let revizor: Client;
  let admin: Client;
  let indicatorId: number;

  beforeAll(async () => {
    t = await createTestApp();
    [vodja, revizor, admin] = await Promise.all(['vodja', 'revizor', 'admin'].map((u) => clientFor(t.app, u)));
    const list = await vodja.get('/api/projects/AS/indicators').expect(200);
    indicatorId = list.body.find((i: { code: string }) => i.code === 'AS-U1').id;
  });
  afterAll(() => t.close());

  it('writes each change field by field in Slovene, with actions, records and roles in words', async () => {
    const created = await vodja.post(`/api/indicators/${indicatorId}/values`, { periodStart: '2021-01-01', periodEnd: '2021-12-31', value: '12' }).expect(201);
    await vodja.patch(`/api/values/${created.body.id}`, { version: 1, value: '14', reason: 'Dodani udeleženci' }).expect(200);
    const csv = await revizor.get(`/api/indicators/${indicatorId}/history/export?format=csv`).expect(200);
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe('\uFEFFZap. št. vnosa,Čas (UTC),Uporabnik,Vloga,Dejanje,Zapis,ID zapisa,Projekt,Kazalnik,Merska enota,Sprememba,Razlog,Kategorija razloga');
    const change = lines.find((l) => l.includes('Vrednost: 12 → 14'))!;
    expect(change).toContain('vodja,vodja projekta,sprememba,dosežena vrednost');
    expect(change).toContain('število oseb');
    expect(change).toContain('Dodani udeleženci');
    expect(lines.find((l) => l.includes(',vnos,dosežena vrednost') && l.includes('Vrednost: 12'))).toBeDefined();
    expect(csv.text).not.toMatch(/"\{|achieved_value|project_manager/);

    const xlsx = await revizor.get(`/api/indicators/${indicatorId}/history/export?format=xlsx`).buffer(true).parse(binary).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ExcelJS.Buffer);
    const texts: string[] = [];
    workbook.worksheets[0].eachRow((row) => texts.push(String(row.getCell(11).value ?? '')));
    expect(texts).toContain('Vrednost: 12 → 14');
  });

  it('shows a share with "%" and an amount with "€"', async () => {
    const list = await vodja.get('/api/projects/AS/indicators').expect(200);
    const share = list.body.find((i: { code: string }) => i.code === 'AS-R1').id;
    const csv = await revizor.get(`/api/indicators/${share}/history/export?format=csv`).expect(200);
    expect(csv.text).toContain('Vrednost: 40,32\u00A0%');
    expect(csv.text).toContain('Vrednost: 40,32\u00A0%; Števec: 25; Imenovalec: 62; Leto: 2020');
  });

  it('exports the whole trail with filters: project, user, action, dates to the minute', async () => {
    const all = await admin.get('/api/history/export?format=csv').expect(200);
    expect(all.text).toContain(',system,skrbnik sistema,vnos,organizacija,');
    expect(all.text).toContain('Kraj: Velenje; Kratko ime: NOVUS; Naziv: Društvo NOVUS; Vrsta: nevladna organizacija');
    const byUser = await revizor.get('/api/history/export?format=csv&user=vodja&action=update&project=AS').expect(200);
    const rows = byUser.text.split('\r\n').slice(1).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/,vodja,vodja projekta,sprememba,/);
    const none = await revizor.get('/api/history/export?format=csv&from=2000-01-01&to=2000-01-01T10:30').expect(200);
    expect(none.text.split('\r\n').filter(Boolean)).toHaveLength(1);
    await revizor.get('/api/history/export?format=csv&from=2021-02-30').expect(422);
    await revizor.get('/api/history/export?format=csv&action=steal').expect(400);
    // An auditor's whole trail holds the catalogue but nobody's logins or accounts; only an admin's holds those.
    const auditors = await revizor.get('/api/history/export?format=csv').expect(200);
    expect(auditors.text).toContain(',organizacija,');
    expect(auditors.text).not.toContain(',prijava,');
    expect(all.text).toContain(',prijava,');
    // A project manager's trail holds their projects only: no logins, no catalogue.
    const own = await vodja.get('/api/history/export?format=csv').expect(200);
    expect(own.text).not.toContain(',prijava,');
    expect(own.text).not.toContain(',organizacija,');
    expect(own.text).toContain(',AS,');
  });

  it('shows the state as of a minute, and as a submission was built from', async () => {
    const history = await revizor.get(`/api/indicators/${indicatorId}/history`).expect(200);
    const last = history.body.events.at(-1);
    const minute = last.occurredAt.slice(0, 16);
    const asOf = await revizor.get(`/api/indicators/${indicatorId}/history?asOf=${minute}`).expect(200);
    expect(asOf.body.asOf.asOf).toBe(`${minute}:59.999Z`);
    expect(asOf.body.asOf.records.some((r: { state: { value: string } }) => r.state.value === '14')).toBe(true);

    const submitted = await submitReport(admin, 'KCM', { year: 2020 });
    const kcm = (await admin.get('/api/projects/KCM/indicators').expect(200)).body[0].id;
    const asSubmitted = await revizor.get(`/api/indicators/${kcm}/history?asSubmitted=${submitted.id}`).expect(200);
    expect(asSubmitted.body.asOf.records.map((r: { state: { value: string } }) => r.state.value).sort()).toEqual(['1', '4']);
    await revizor.get(`/api/indicators/${indicatorId}/history?asSubmitted=99999`).expect(404);
  });

  it('streams 100,000 entries with flat memory', async () => {
    const ds = t.app.get(DataSource);
    const rows = Array.from({ length: 100_000 }, (_, n) => ({
      occurredAt: new Date(Date.UTC(2022, 0, 1) + n * 1000).toISOString(),
      actorUserId: null,
      actorUsername: 'uvoz',
      actorRole: 'project_manager',
      action: 'update',
      entityType: 'achieved_value',
      entityId: String(n + 1),
      projectId: 1,
      before: JSON.stringify({ indicatorId, value: String(n) }),
      after: JSON.stringify({ indicatorId, value: String(n + 1) }),
      reason: 'Množični uvoz',
      reasonCategory: null,
      prevHash: `p${String(n).padStart(63, '0')}`,
      hash: `h${String(n).padStart(63, '0')}`,
    }));
    for (let i = 0; i < rows.length; i += 500) {
      await ds.createQueryBuilder().insert().into(AuditEntry).values(rows.slice(i, i + 500)).execute();
    }
    rows.length = 0;
    // What the process holds, not what it has yet to collect: the live heap and buffers right
    // after a full collection, sampled while the export runs (RSS also counts garbage that a busy
    // machine collects late, and made this test fail at random).
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const live = () => {
      gc();
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const before = live();
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, live())), 50);
    let bytes = 0;
    let lines = 0;
    try {
      await admin
        .get('/api/history/export?format=csv&user=uvoz')
        .buffer(true)
        .parse((res, cb) => {
          res.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            for (const c of chunk) if (c === 10) lines += 1;
          });
          res.on('end', () => cb(null, null));
        })
        .expect(200);
    } finally {
      clearInterval(timer);
    }
    expect(lines).toBe(100_001);
    const growthMb = (peak - before) / 1024 / 1024;
    process.stdout.write(`trail export: 100000 entries, ${(bytes / 1024 / 1024).toFixed(1)} MB CSV, peak live memory growth ${growthMb.toFixed(1)} MB\n`);
    // The entries held at once, parsed, would take several times the 21 MB of CSV.
    expect(growthMb).toBeLessThan(40);
  });
});

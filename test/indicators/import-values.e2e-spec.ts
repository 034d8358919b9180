import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importCommand, parseImportArgs } from '../../src/indicators/cli/import-values.command';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/app';
import { login } from '../support/auth';

/**
 * The Excel round trip, on SQLite and (in CI's second pass) PostgreSQL: the template read back,
 * filled in and imported through the one write path, all or nothing.
 */
describe('Excel import of achieved values', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    token = await login(t.app, 'vodja');
  });
  afterAll(() => t.close());

  const api = () => request(t.app.getHttpServer());
  const template = async (code: string, year: number) => {
    const res = await api().get(`/api/projects/${code}/values/template?year=${year}`).set('Authorization', `Bearer ${token}`).buffer(true).parse(binary as never).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    return wb;
  };
  const upload = (code: string, file: Buffer, dryRun: boolean, fields: Record<string, string> = {}) => {
    const req = api().post(`/api/projects/${code}/values/import?dryRun=${dryRun}`).set('Authorization', `Bearer ${token}`).set('Accept-Language', 'en');
    for (const [k, v] of Object.entries(fields)) req.field(k, v);
    return req.attach('file', file, 'vrednosti.xlsx');
  };
  const bytes = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());
  const header = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as string[]).slice(1);
  const column = (sheet: ExcelJS.Worksheet, name: string) => header(sheet).indexOf(name) + 1;
  const rowOf = (sheet: ExcelJS.Worksheet, code: string, partner: string) => {
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === code && String(row.getCell(3).value).startsWith(partner)) found ??= row;
    });
    return found!;
  };

  it('downloads a template with the named columns, pre-filled, and a sheet of instructions in Slovene', async () => {
    const wb = await template('AS', 2020);
    const sheet = wb.getWorksheet('Vrednosti')!;
    expect(header(sheet).slice(0, 10)).toEqual(['Koda', 'Kazalnik', 'Partner', 'Od', 'Do', 'Načrtovano', 'Dosežena vrednost', 'Števec', 'Imenovalec', 'Komentar']);
    const total = rowOf(sheet, 'AS-U1', 'Skupaj');
    expect(total.getCell(column(sheet, 'Načrtovano')).value).toBe(60);
    expect(total.getCell(column(sheet, 'Dosežena vrednost')).value).toBe(62);
    expect(total.getCell(column(sheet, 'Od')).value).toEqual(new Date(Date.UTC(2020, 0, 1)));
    expect(total.getCell(column(sheet, 'Dosežena vrednost')).dataValidation).toMatchObject({ type: 'whole' });
    const share = rowOf(sheet, 'AS-R1', 'Skupaj');
    expect([share.getCell(column(sheet, 'Števec')).value, share.getCell(column(sheet, 'Imenovalec')).value]).toEqual([25, 62]);
    expect(sheet.getColumn(column(sheet, 'ID vrednosti')).hidden).toBe(true);
    expect(String(wb.getWorksheet('Navodila')!.getCell('A1').value)).toMatch(/^Kako izpolniti predlogo: AS/);
  });

  it('imports a filled template: the dry run and the commit agree, and the same file again changes nothing', async () => {
    const wb = await template('AS', 2021);
    const sheet = wb.getWorksheet('Vrednosti')!;
    rowOf(sheet, 'AS-U1', 'Skupaj').getCell(column(sheet, 'Dosežena vrednost')).value = 30;
    rowOf(sheet, 'AS-U1', 'Zavod').getCell(column(sheet, 'Dosežena vrednost')).value = '1.0';
    rowOf(sheet, 'AS-R1', 'Skupaj').getCell(column(sheet, 'Števec')).value = 9;
    rowOf(sheet, 'AS-R1', 'Skupaj').getCell(column(sheet, 'Imenovalec')).value = 30;
    let file = await bytes(wb);

    const bad = await upload('AS', file, true).expect(200);
    expect(bad.body.errors).toEqual([{ row: rowOf(sheet, 'AS-U1', 'Zavod').number, field: 'Dosežena vrednost', message: '"1.0" is not a number (write decimals with a comma, e.g. 1.250,5)' }]);
    await upload('AS', file, false).expect(422);

    rowOf(sheet, 'AS-U1', 'Zavod').getCell(column(sheet, 'Dosežena vrednost')).value = '10';
    file = await bytes(wb);
    const dry = await upload('AS', file, true).expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, applied: false, counts: { create: 3, update: 0, unchanged: 0 }, errors: [] });
    const commit = await upload('AS', file, false).expect(200);
    expect(commit.body).toMatchObject({ applied: true, counts: dry.body.counts });
    expect(commit.body.rows.map((r: { row: number; action: string }) => [r.row, r.action])).toEqual(dry.body.rows.map((r: { row: number; action: string }) => [r.row, r.action]));
    const again = await upload('AS', file, false).expect(200);
    expect(again.body.counts).toEqual({ create: 0, update: 0, unchanged: 3 });
  });

  it('names who changed a value since the template was downloaded', async () => {
    const wb = await template('AS', 2021);
    const sheet = wb.getWorksheet('Vrednosti')!;
    const total = rowOf(sheet, 'AS-U1', 'Skupaj');
    const koordinator = await login(t.app, 'koordinator');
    const id = Number(total.getCell(column(sheet, 'ID vrednosti')).value);
    await api().patch(`/api/values/${id}`).set('Authorization', `Bearer ${koordinator}`).send({ version: 1, value: '31', reason: 'Naknadna prijava' }).expect(200);
    total.getCell(column(sheet, 'Dosežena vrednost')).value = 32;
    const stale = await upload('AS', await bytes(wb), false, { reason: 'Popravek po evidenci' }).expect(409);
    expect(stale.body.errors[0]).toMatchObject({ row: total.number, field: 'Različica' });
    expect(stale.body.errors[0].message).toMatch(/changed by koordinator/);
  });

  it('refuses formula cells, files that are not XLSX and another project’s template', async () => {
    const wb = await template('AS', 2021);
    const sheet = wb.getWorksheet('Vrednosti')!;
    const row = rowOf(sheet, 'AS-U1', 'Andragoški');
    row.getCell(column(sheet, 'Dosežena vrednost')).value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue;
    const formula = await upload('AS', await bytes(wb), true).expect(200);
    expect(formula.body.errors).toEqual([expect.objectContaining({ row: row.number, field: 'Dosežena vrednost', message: 'the Dosežena vrednost cell holds a formula; enter a value' })]);
    await upload('AS', Buffer.from('Koda;Vrednost\nAS-U1;3\n'), true).expect(415);
    const kcm = await bytes(await template('AS', 2021));
    const other = await upload('KCM', kcm, true).expect(400);
    expect(other.body.errors).toEqual([{ field: 'file', message: 'the file is the template of project AS, not KCM' }]);
  });

  it('imports from the command line through the same handler: a dry run first, then the commit', async () => {
    const wb = await template('KCM', 2021);
    const sheet = wb.getWorksheet('Vrednosti')!;
    rowOf(sheet, 'KCM-2', 'Skupaj').getCell(column(sheet, 'Dosežena vrednost')).value = 150;
    const dir = mkdtempSync(join(tmpdir(), 'kazalnik-import-'));
    const file = join(dir, 'kcm-2021.xlsx');
    writeFileSync(file, await bytes(wb));
    const out: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    try {
      await expect(importCommand(t.app, parseImportArgs(['values', '--project', 'KCM', '--file', file, '--dry-run']))).resolves.toBe(0);
      await expect(importCommand(t.app, parseImportArgs(['values', '--project', 'KCM', '--file', file]))).resolves.toBe(0);
      await expect(importCommand(t.app, parseImportArgs(['values', '--project', 'AS', '--file', file]))).rejects.toThrow('the file is the template of project KCM, not AS');
    } finally {
      write.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(out).toEqual(['Preverjeno (nič ni shranjeno): novih 1, spremenjenih 0, enakih 0\n', 'Shranjeno: novih 1, spremenjenih 0, enakih 0\n']);
    expect(() => parseImportArgs(['values', '--project', 'KCM'])).toThrow('--file is required');
  });

  it('imports a 1,000-row workbook all or nothing', async () => {
    const wb = await template('SPIN', 2021);
    const sheet = wb.getWorksheet('Vrednosti')!;
    const first = rowOf(sheet, 'SPIN-4', 'Skupaj');
    const model = (first.values as unknown[]).slice(1);
    const od = column(sheet, 'Od');
    const doCol = column(sheet, 'Do');
    const vrednost = column(sheet, 'Dosežena vrednost');
    const partner = column(sheet, 'ID partnerja');
    const partnerIds = [null, ...new Set<number>(collect(sheet, partner).filter((v): v is number => typeof v === 'number'))];
    let n = 0;
    for (const partnerId of partnerIds) {
      for (let day = 0; day < 365 && n < 1000; day++, n++) {
        const date = new Date(Date.UTC(2021, 0, 1 + day));
        const values = [...model];
        values[od - 1] = date;
        values[doCol - 1] = date;
        values[vrednost - 1] = partnerId === null ? 2 : 1;
        values[partner - 1] = partnerId;
        sheet.addRow(values);
      }
    }
    first.getCell(vrednost).value = null;
    const last = sheet.lastRow!;
    last.getCell(vrednost).value = 2.5;
    const refused = await upload('SPIN', await bytes(wb), false).expect(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ row: last.number, field: 'Dosežena vrednost' })]);
    const spin4 = (await api().get('/api/projects/SPIN/indicators').set('Authorization', `Bearer ${await login(t.app, 'admin')}`)).body.find((i: { code: string }) => i.code === 'SPIN-4').id;
    const count = async () => (await api().get(`/api/indicators/${spin4}/values?year=2021`).set('Authorization', `Bearer ${token}`)).body.length;
    await expect(count()).resolves.toBe(0);
    last.getCell(vrednost).value = 1;
    const applied = await upload('SPIN', await bytes(wb), false).expect(200);
    expect(applied.body.counts.create).toBe(1000);
    await expect(count()).resolves.toBe(1000);
  });
});

function collect(sheet: ExcelJS.Worksheet, col: number): unknown[] {
  const out: unknown[] = [];
  sheet.eachRow((row, i) => i > 1 && out.push(row.getCell(col).value));
  return out;
}

function binary(res: NodeJS.ReadableStream & { setEncoding(e: string): void }, done: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

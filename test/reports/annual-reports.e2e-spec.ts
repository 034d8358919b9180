import ExcelJS from 'exceljs';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/app';
import { clientFor, Client } from '../support/http';
import { submitReport } from '../support/submit-report';
import { flattenWhitespace, inspectPdf } from '../support/pdf-text';

/** Reads a binary HTTP answer into a Buffer. */
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

async function readXlsx(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  return workbook;
}

describe('annual reports over HTTP', () => {
  let t: TestApp;
  let koordinator: Client;
  let vodja: Client;
  let revizor: Client;

  beforeAll(async () => {
    t = await createTestApp();
    [koordinator, vodja, revizor] = await Promise.all(['koordinator', 'vodja', 'revizor'].map((u) => clientFor(t.app, u)));
  });
  afterAll(() => t.close());

  it('serves the AS 2020 workbook with the source figures as formatted numbers', async () => {
    const res = await koordinator.get('/api/projects/AS/reports/annual?year=2020&format=xlsx').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-disposition']).toContain('filename="letno-porocilo-AS-2020.xlsx"');
    const sheet = (await readXlsx(res.body)).getWorksheet('Kazalniki')!;
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((row) => rows.push(row));
    const named = (start: string) => rows.find((r) => (r.values as unknown[]).some((v) => String(v).startsWith(start)))!;
    const output = named('Število oseb iz ranljivih ciljnih skupin');
    const share = named('Delež oseb');
    const numbers = (row: ExcelJS.Row) => (row.values as unknown[]).filter((v) => typeof v === 'number');
    expect(numbers(output)).toEqual(expect.arrayContaining([60, 62, 1.0333]));
    expect(numbers(share)).toEqual(expect.arrayContaining([0.25, 25 / 62]));
    const percentCell = share.getCell((share.values as unknown[]).indexOf(25 / 62));
    expect(percentCell.numFmt).toMatch(/0\.00\s?%/);
  });

  it('serves the AS 2020 PDF with Slovene letters intact and every font embedded', async () => {
    const res = await koordinator.get('/api/projects/AS/reports/annual?year=2020&format=pdf').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = await inspectPdf(res.body);
    const text = flattenWhitespace(pdf.text);
    for (const s of ['Število oseb iz ranljivih ciljnih skupin', 'Učinek', 'Rezultat', '40,32 %', 'Društvo NOVUS', 'stran 1 od']) {
      expect(text).toContain(s);
    }
    expect(pdf.fonts.length).toBeGreaterThan(0);
    expect(pdf.fonts.every((f) => f.embedded)).toBe(true);
  });

  it('answers in English on request', async () => {
    const res = await koordinator.get('/api/projects/AS/reports/annual?year=2020&format=pdf&lang=en&template=splosno-dvojezicno').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-disposition']).toContain('annual-report-AS-2020.pdf');
    expect(flattenWhitespace((await inspectPdf(res.body)).text)).toContain('page 1 of');
  });

  it('names the bad parameter of a report request', async () => {
    const res = await koordinator.get('/api/projects/AS/reports/annual?year=2020&format=docx').expect(400);
    expect(res.body.errors).toEqual([{ field: 'format', message: 'format mora biti ena od vrednosti: xlsx, pdf' }]);
    const unknown = await koordinator.get('/api/projects/AS/reports/annual?year=2020&format=pdf&template=nobeden').expect(422);
    expect(unknown.body.errors[0].field).toBe('template');
  });

  it('refuses another funder\u2019s template with 400, listing the ones that fit', async () => {
    const res = await koordinator.get('/api/projects/SPIN/reports/annual?year=2020&format=pdf&template=mju-sticisce').expect(400);
    expect(res.body.errors).toEqual([{ field: 'template', message: 'za projekt SPIN izberite eno od predlog: ess-kazalniki, splosno-dvojezicno' }]);
  });

  it('gives the same bytes for the same report date, and dates the signature with it', async () => {
    const url = '/api/projects/AS/reports/annual?year=2020&date=2021-01-15&format=';
    for (const format of ['pdf', 'xlsx']) {
      const first = await koordinator.get(url + format).buffer(true).parse(binary).expect(200);
      const second = await koordinator.get(url + format).buffer(true).parse(binary).expect(200);
      expect(first.headers['x-content-sha256']).toBe(second.headers['x-content-sha256']);
      expect(Buffer.compare(first.body, second.body)).toBe(0);
    }
    const pdf = await koordinator.get(url + 'pdf').buffer(true).parse(binary).expect(200);
    expect(flattenWhitespace((await inspectPdf(pdf.body)).text)).toContain('Kraj in datum: Velenje, 15. 1. 2021');
    await koordinator.get('/api/projects/AS/reports/annual?year=2020&format=pdf&date=2021-02-30').expect(400);
  });

  it('keeps a name that starts with = as text in the workbook', async () => {
    const created = await koordinator
      .post('/api/projects/AS/indicators', { code: 'AS-X', name: '=HYPERLINK("http://example.invalid","klik")', kind: 'output', unit: 'events' })
      .expect(201);
    const res = await koordinator.get('/api/projects/AS/reports/annual?year=2020&format=xlsx').buffer(true).parse(binary).expect(200);
    const sheet = (await readXlsx(res.body)).getWorksheet('Kazalniki')!;
    let found: ExcelJS.Cell | undefined;
    sheet.eachRow((row) => row.eachCell((cell) => {
      if (String(cell.text).includes('HYPERLINK')) found = cell;
    }));
    expect(found?.type).toBe(ExcelJS.ValueType.String);
    expect(found?.value).toBe('=HYPERLINK("http://example.invalid","klik")');
    await koordinator.delete(`/api/indicators/${created.body.id}`).expect(204);
  });

  it('submits a report: stores the exact bytes, locks the year, and shows a later correction in the diff', async () => {
    await vodja.post('/api/projects/AS/reports/cycle/submit', { year: 2020, overrideReason: 'x' }).expect(403);
    const submitted = { body: await submitReport(koordinator, 'AS', { year: 2020, template: 'ess-kazalniki' }) };
    expect(submitted.body).toMatchObject({ projectCode: 'AS', year: 2020, submittedBy: 'koordinator' });
    expect(submitted.body.files.map((f: { format: string }) => f.format)).toEqual(['xlsx', 'pdf']);
    const locks = await revizor.get('/api/projects/AS/locks').expect(200);
    expect(locks.body.map((l: { year: number }) => l.year)).toEqual([2020]);
    await koordinator.post('/api/projects/AS/reports/cycle/submit', { year: 2020, overrideReason: 'x' }).expect(409);

    const pdfInfo = submitted.body.files.find((f) => f.format === 'pdf')!;
    const download = await revizor.get(`/api/reports/submissions/${submitted.body.id}/files/pdf`).buffer(true).parse(binary).expect(200);
    const again = await revizor.get(`/api/reports/submissions/${submitted.body.id}/files/pdf`).buffer(true).parse(binary).expect(200);
    expect(download.body.length).toBe(pdfInfo.sizeBytes);
    expect(require('node:crypto').createHash('sha256').update(download.body).digest('hex')).toBe(pdfInfo.sha256);
    expect(Buffer.compare(download.body, again.body)).toBe(0);

    // The annual download of a submitted year is the submission, and says so; current=true rebuilds.
    const annual = await revizor.get('/api/projects/AS/reports/annual?year=2020&format=pdf').buffer(true).parse(binary).expect(200);
    expect(annual.headers['x-report-source']).toBe('submission');
    expect(annual.headers['x-report-submission']).toBe(String(submitted.body.id));
    expect(require('node:crypto').createHash('sha256').update(annual.body).digest('hex')).toBe(pdfInfo.sha256);
    const current = await revizor.get('/api/projects/AS/reports/annual?year=2020&format=pdf&current=true&date=2030-01-01').buffer(true).parse(binary).expect(200);
    expect(current.headers['x-report-source']).toBe('current');
    expect(current.headers['x-content-sha256']).not.toBe(pdfInfo.sha256);

    const list = await vodja.get('/api/indicators/summary?year=2020').expect(200);
    const indicatorId = list.body.projects.find((p: { project: { code: string } }) => p.project.code === 'AS').indicators[0].indicatorId;
    const [value] = (await vodja.get(`/api/indicators/${indicatorId}/values?year=2020`).expect(200)).body;
    await vodja.patch(`/api/values/${value.id}`, { version: value.version, value: '61', reason: 'Poskus po oddaji' }).expect(423);
    // While the funder reviews the report, not even a correction is taken; a return opens the year for one.
    const skrbnik = await clientFor(t.app, 'skrbnik');
    await skrbnik.post('/api/projects/AS/reports/cycle/review', { year: 2020, action: 'return', comment: 'Izločite dvojni vpis pri AS-U1' }).expect(200);
    await koordinator
      .post(`/api/values/${value.id}/corrections`, { version: value.version, value: '61', reason: 'Ministrstvo je zahtevalo izločitev dvojnega vpisa', reasonCategory: 'funder_request' })
      .expect(201);

    const diff = await revizor.get(`/api/reports/submissions/${submitted.body.id}/diff`).expect(200);
    expect(diff.body.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ indicatorCode: 'AS-U1', field: 'achieved', submitted: 62, current: 61 }),
        expect.objectContaining({ indicatorCode: 'AS-U1', field: 'achievementPercent', submitted: 103.33, current: 101.67 }),
      ]),
    );
  });

  it('streams the portfolio workbook of a year', async () => {
    const res = await koordinator.get('/api/reports/portfolio?year=2020').buffer(true).parse(binary).expect(200);
    const sheet = (await readXlsx(res.body)).worksheets[0];
    expect(sheet.rowCount).toBeGreaterThan(60);
    expect(sheet.getRow(1).getCell(1).value).toBe('Projekt');
  });
});

import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/app';
import { login } from '../support/auth';

/**
 * A workbook over IMPORT_QUEUE_BYTES (0 here: every one) is imported as a job, in the app process
 * without Redis: 202 with the job, and the job's result holds what the route would have answered.
 */
describe('Excel import over the size threshold, as a job', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { IMPORT_QUEUE_BYTES: '0' } });
    token = await login(t.app, 'vodja');
  });
  afterAll(() => t.close());

  const api = () => request(t.app.getHttpServer());
  const auth = (req: request.Test) => req.set('Authorization', `Bearer ${token}`);
  const template = async () => {
    const res = await auth(api().get('/api/projects/AS/values/template?year=2022')).buffer(true).parse(binary as never).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    return wb;
  };
  const cell = (wb: ExcelJS.Workbook, code: string, partner: string, heading: string) => {
    const sheet = wb.getWorksheet('Vrednosti')!;
    const col = (sheet.getRow(1).values as string[]).indexOf(heading);
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === code && String(row.getCell(3).value).startsWith(partner)) found ??= row;
    });
    return { row: found!.number, cell: found!.getCell(col) };
  };
  const upload = async (wb: ExcelJS.Workbook, dryRun: boolean) =>
    auth(api().post(`/api/projects/AS/values/import?dryRun=${dryRun}`)).set('Accept-Language', 'en').attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'vrednosti.xlsx');
  const done = async (id: string) => {
    for (let i = 0; i < 300; i++) {
      const res = await auth(api().get(`/api/jobs/${id}`)).expect(200);
      if (res.body.state !== 'waiting' && res.body.state !== 'active') return res.body;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`job ${id} did not finish`);
  };

  it('answers 202 with the job; the job imports the file and keeps the answer (counts, rows) and a JSON of it in its ZIP', async () => {
    const wb = await template();
    cell(wb, 'AS-U1', 'Skupaj', 'Dosežena vrednost').cell.value = 41;
    const submitted = await upload(wb, false);
    expect(submitted.status).toBe(202);
    expect(submitted.body).toMatchObject({ type: 'values-import', state: expect.stringMatching(/waiting|active/), submittedBy: 'vodja' });
    const job = await done(submitted.body.id);
    expect(job).toMatchObject({ state: 'completed', progress: 100 });
    expect(job.result.data).toMatchObject({ status: 200, body: { dryRun: false, applied: true, counts: { create: 1, update: 0 }, errors: [] } });

    const zip = await auth(api().get(`/api/jobs/${job.id}/result`)).buffer(true).parse(binary as never).expect(200);
    const entry = (await JSZip.loadAsync(zip.body as Buffer)).file('uvoz-AS.json');
    expect(JSON.parse(await entry!.async('string'))).toEqual(job.result.data);

    const values = await auth(api().get('/api/projects/AS/indicators/summary?year=2022&asOf=2023-01-31')).expect(200);
    expect(values.body.indicators.find((i: { code: string }) => i.code === 'AS-U1').achieved).toBe(41);
  });

  it('keeps a refusal as the answer with every row error by row and column, and nothing is saved', async () => {
    const wb = await template();
    const bad = cell(wb, 'AS-U1', 'Zavod', 'Dosežena vrednost');
    bad.cell.value = '1.0';
    const submitted = await upload(wb, false);
    expect(submitted.status).toBe(202);
    const job = await done(submitted.body.id);
    expect(job.state).toBe('completed');
    expect(job.result.data).toMatchObject({
      status: 422,
      body: { errors: [{ row: bad.row, field: 'Dosežena vrednost', message: '"1.0" is not a number (write decimals with a comma, e.g. 1.250,5)' }] },
    });
  });

  it('refuses at once, before queueing, an upload to a project that does not exist', async () => {
    const wb = await template();
    const other = await auth(api().post('/api/projects/NI-TAKEGA/values/import?dryRun=true')).attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'vrednosti.xlsx');
    expect(other.status).toBe(404);
  });
});

function binary(res: NodeJS.ReadableStream & { setEncoding(e: string): void }, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

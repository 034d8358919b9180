import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReportArgs, reportCommand } from '../../src/reports/cli/report.command';
import { createTestApp, TestApp } from '../support/app';

describe('report command line', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'kazalnik-cli-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes one project report to the named file', async () => {
    const out = join(dir, 'as-2020.pdf');
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await expect(reportCommand(t.app, parseReportArgs(['--project', 'AS', '--year', '2020', '--format', 'pdf', '--out', out]))).resolves.toBe(0);
    } finally {
      write.mockRestore();
    }
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('writes every project of a year into a folder', async () => {
    const out = join(dir, 'vsa');
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const progress = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await expect(reportCommand(t.app, parseReportArgs(['--all', '--year', '2020', '--format', 'xlsx', '--out', out]))).resolves.toBe(0);
    } finally {
      write.mockRestore();
      progress.mockRestore();
    }
    expect(readdirSync(out).sort()).toEqual(
      ['AS', 'HARMONIJA', 'JEJMO-LOKALNO', 'JV-HUB', 'KCM', 'MREZA', 'NOVUS-HUB', 'SPIN', 'VELENJE-MLADI'].map((c) => `letno-porocilo-${c}-2020.xlsx`),
    );
    expect(existsSync(join(out, 'letno-porocilo-AS-2020.xlsx'))).toBe(true);
    // Each project in its funder's own form: the title on the first sheet says which.
    const title = async (code: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(join(out, `letno-porocilo-${code}-2020.xlsx`));
      return workbook.worksheets[0].getCell('A1').value;
    };
    expect(await title('AS')).toBe('Poročilo o doseženih vrednostih kazalnikov');
    expect(await title('SPIN')).toBe('Poročilo o doseženih vrednostih kazalnikov');
    expect(await title('NOVUS-HUB')).toBe('Letno vsebinsko poročilo regionalnega stičišča NVO');
    expect(await title('JV-HUB')).toBe('Letno vsebinsko poročilo regionalnega stičišča NVO');
    expect(await title('HARMONIJA')).toBe('Letno poročilo o kazalnikih projekta / Annual project indicator report');
  });

  it('writes, with --all and a template, only the projects that template is a form for', async () => {
    const out = join(dir, 'mju');
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const progress = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await expect(
        reportCommand(t.app, parseReportArgs(['--all', '--year', '2020', '--format', 'xlsx', '--template', 'mju-sticisce', '--out', out])),
      ).resolves.toBe(0);
    } finally {
      write.mockRestore();
      progress.mockRestore();
    }
    expect(readdirSync(out).sort()).toEqual(['letno-porocilo-JV-HUB-2020.xlsx', 'letno-porocilo-NOVUS-HUB-2020.xlsx']);
  });

  it('names the option that is wrong', () => {
    expect(() => parseReportArgs(['--project', 'AS', '--year', '2020', '--format', 'docx', '--out', 'x'])).toThrow('--format must be pdf or xlsx');
    expect(() => parseReportArgs(['--year', '2020', '--format', 'pdf', '--out', 'x'])).toThrow('give --project CODE or --all');
  });
});

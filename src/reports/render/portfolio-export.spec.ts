import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { percentToFraction, roundHalfUp } from '../../common/format/format';
import { PortfolioRow, writePortfolioXlsx } from './portfolio-export';

function portfolioRow(n: number, overrides: Partial<PortfolioRow> = {}): PortfolioRow {
  return {
    projectCode: 'AS',
    projectName: 'Socialna aktivacija »AS – Aktiviraj se!«',
    year: 2020,
    indicatorCode: `AS-${n}`,
    indicatorName: 'Število oseb iz ranljivih ciljnih skupin, vključenih v program.',
    kind: 'output',
    unit: 'število oseb',
    planned: 60,
    achieved: 62,
    achievementPercent: 103.33,
    status: 'met',
    ...overrides,
  };
}

async function* generated(count: number): AsyncIterable<PortfolioRow> {
  for (let n = 1; n <= count; n++) yield portfolioRow(n);
}

describe('writePortfolioXlsx', () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portfolio-'))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('streams an async source to a file with numbers, percent fractions and a frozen header', async () => {
    const file = path.join(dir, 'portfolio.xlsx');
    await expect(writePortfolioXlsx(generated(2_000), file)).resolves.toEqual({ rows: 2_000 });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Kazalniki')!;
    expect(sheet.rowCount).toBe(2_001);
    expect(sheet.getRow(1).getCell(10).value).toBe('% doseganja');
    const first = sheet.getRow(2);
    expect([first.getCell(6).value, first.getCell(8).value, first.getCell(9).value]).toEqual(['Učinek', 60, 62]);
    expect(first.getCell(10).value).toBe(1.0333);
    expect(first.getCell(10).numFmt).toBe('0.00 %');
    expect(first.getCell(11).value).toBe('doseženo');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('writes to a stream from a plain array, keeping "=" names as text and empty values empty', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const rows = [
      portfolioRow(1, { indicatorName: '=1+1', kind: 'result', achievementPercent: 161.29 }),
      portfolioRow(2, { planned: null, achievementPercent: null, status: 'no_target' }),
    ];
    await writePortfolioXlsx(rows, out, { lang: 'en' });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Indicators')!;
    const formulaLike = sheet.getRow(2).getCell(5);
    expect(formulaLike.type).toBe(ExcelJS.ValueType.String);
    expect(formulaLike.value).toBe('=1+1');
    expect(sheet.getRow(2).getCell(6).value).toBe('Result');
    expect(sheet.getRow(2).getCell(10).value).toBe(1.6129);
    expect(sheet.getRow(3).getCell(8).value).toBeNull();
    expect(sheet.getRow(3).getCell(11).value).toBe('no target');
  });

  it('writes the same numbers as rounding with Decimal, for figures with two places and beyond', async () => {
    const figures = [0, -0, 5, 103.33, 161.29, -3.5, 0.01, 99.99, 1234567.89, 1e21, 12.345, 2 / 3, 123456789012.34];
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writePortfolioXlsx(figures.map((f, n) => portfolioRow(n, { planned: f, achieved: f, achievementPercent: f })), out);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Kazalniki')!;
    const written = figures.map((_, n) => [8, 9, 10].map((c) => sheet.getRow(n + 2).getCell(c).value));
    expect(written).toEqual(figures.map((f) => [roundHalfUp(f, 2).toNumber(), roundHalfUp(f, 2).toNumber(), percentToFraction(f)]));
  });

  it('keeps text with XML characters and drops characters XML does not allow', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writePortfolioXlsx([portfolioRow(1, { projectName: 'A & B <"C"> \'D\'\u0001 – č' })], out);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
    expect(workbook.getWorksheet('Kazalniki')!.getRow(2).getCell(2).value).toBe('A & B <"C"> \'D\' – č');
  });

  it('writes rows of any length among short ones, multi-byte characters included', async () => {
    // A row is encoded into the writer's chunk whole: these are longer than a chunk, or end one.
    const long = (n: number) => 'čŠž€ '.repeat(n);
    const names = [long(10), long(20_000), long(3), long(6_000), long(40_000), long(1)];
    const rows = names.flatMap((name, n) => Array.from({ length: 50 }, (_, k) => portfolioRow(n * 50 + k, { indicatorName: k === 25 ? name : `K ${n}.${k}` })));
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writePortfolioXlsx(rows, out);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Kazalniki')!;
    expect(sheet.rowCount).toBe(rows.length + 1);
    expect(rows.map((_, n) => sheet.getRow(n + 2).getCell(5).value)).toEqual(rows.map((r) => r.indicatorName));
    expect(rows.map((_, n) => sheet.getRow(n + 2).getCell(4).value)).toEqual(rows.map((r) => r.indicatorCode));
  });
});

import ExcelJS from 'exceljs';
import { buildReportModel } from '../model/build-report-model';
import { reportInputFactory, indicatorSummaryFactory, shareIndicatorFactory } from '../../../test/support/factories/report-input.factory';
import { loadTemplate } from '../templates/template-loader';
import { renderXlsx } from './excel-renderer';

async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs' typings want its own Buffer flavour; a Node Buffer is what it reads.
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}; have ${workbook.worksheets.map((w) => w.name).join(', ')}`);
  return found;
}

describe('renderXlsx (AS 2020, ESS template)', () => {
  let workbook: ExcelJS.Workbook;
  let indicators: ExcelJS.Worksheet;

  beforeAll(async () => {
    const input = reportInputFactory({
      indicators: [
        indicatorSummaryFactory(),
        shareIndicatorFactory({ explanation: '=HYPERLINK("http://x.example","klik")' }),
        indicatorSummaryFactory({ indicatorId: 3, name: '=SUM(A1:A3) delavnic', planned: 4, achieved: 5, achievementPercent: 125 }),
      ],
    });
    const buffer = await renderXlsx(buildReportModel(input, loadTemplate('ess-kazalniki'), 'sl'));
    workbook = await readBack(buffer);
    indicators = sheet(workbook, 'Kazalniki');
  });

  it('has a sheet per section after the general sheet', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Osnovni podatki',
      'Kazalniki',
      'Doseganje predvidenih vrednosti',
      'Obrazložitev odstopanj',
      'Podpis',
    ]);
  });

  it('writes the AS table heads in row 1, after the indicator code', () => {
    expect(indicators.getRow(1).values).toEqual([
      undefined,
      'Šifra',
      'Naziv kazalnika',
      'Vrsta kazalnika',
      'Predvidene vrednosti',
      'Dosežene vrednosti',
      '% doseganja',
      'Števec / imenovalec',
      'Obrazložitev odstopanj',
    ]);
  });

  it('stores 60 and 62 as integers and 103,33 % as 1.0333 with a percent format', () => {
    const output = indicators.getRow(2);
    expect(output.getCell(1).value).toBe('AS-1');
    expect(output.getCell(3).value).toBe('Učinek');
    expect(output.getCell(4).value).toBe(60);
    expect(output.getCell(4).numFmt).toBe('#,##0');
    expect(output.getCell(5).value).toBe(62);
    expect(output.getCell(6).value).toBe(1.0333);
    expect(output.getCell(6).numFmt).toBe('0.00 %');
  });

  it('stores the share target as 0.25 ("vsaj" and no decimals in the format) and the achieved share as the exact 25/62', () => {
    const share = indicators.getRow(3);
    expect(share.getCell(3).value).toBe('Rezultat');
    expect(share.getCell(4).value).toBe(0.25);
    expect(share.getCell(4).numFmt).toBe('"vsaj "0 %');
    expect(share.getCell(5).value).toBe(25 / 62);
    expect(share.getCell(5).numFmt).toBe('0.00 %');
  });

  it('keeps user text starting with "=" as text, not a formula', () => {
    const explanation = indicators.getRow(3).getCell(8);
    expect(explanation.type).toBe(ExcelJS.ValueType.String);
    expect(explanation.value).toBe('=HYPERLINK("http://x.example","klik")');
    expect(explanation.formula).toBeUndefined();
    const name = indicators.getRow(4).getCell(2);
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.value).toBe('=SUM(A1:A3) delavnic');
    expect(name.formula).toBeUndefined();
  });

  it('wraps the long indicator names in a column that fits', () => {
    expect(indicators.getRow(3).getCell(2).alignment?.wrapText).toBe(true);
    expect(indicators.getColumn(2).width).toBe(60);
    expect(indicators.getColumn(4).width).toBeLessThanOrEqual(22);
  });

  it('freezes the header row', () => {
    expect(indicators.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('prints on A4 landscape, one page wide, header row repeated', () => {
    expect(indicators.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    });
    expect(indicators.headerFooter.oddFooter).toBe('&Cstran &P od &N');
  });

  it('writes the funding period in one cell, as the forms do', () => {
    const general = sheet(workbook, 'Osnovni podatki');
    const row = general.getRows(1, general.rowCount)?.find((r) => r.getCell(1).value === 'Obdobje financiranja');
    expect(row?.getCell(2).value).toBe('23. 9. 2019 – 30. 9. 2022');
    expect(row?.getCell(3).value).toBeNull();
  });

  it('sets the workbook properties', () => {
    expect(workbook.creator).toBe('Društvo NOVUS');
    expect(workbook.title).toContain('Socialna aktivacija »AS – Aktiviraj se!«');
    expect(workbook.created.toISOString()).toBe('2021-01-15T09:00:00.000Z');
  });

  it('has no sheet for a section without rows', () => {
    expect(workbook.getWorksheet('Prispevki partnerjev')).toBeUndefined();
  });

  it('gives the same bytes for the same report date', async () => {
    const input = reportInputFactory();
    const model = () => buildReportModel(input, loadTemplate('ess-kazalniki'), 'sl');
    const first = await renderXlsx(model());
    // A later clock: exceljs would stamp the zip entries with it.
    jest.useFakeTimers({ now: new Date('2030-06-01T12:00:00Z'), advanceTimers: true });
    try {
      expect(Buffer.compare(first, await renderXlsx(model()))).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('renderXlsx in other layouts', () => {
  it('makes sheet names valid and unique from bilingual titles', async () => {
    const model = buildReportModel(reportInputFactory(), loadTemplate('splosno-dvojezicno'), 'sl');
    const workbook = await readBack(await renderXlsx(model));
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toContain('Kazalniki - Indicators');
    for (const name of names) expect(name).toMatch(/^[^[\]:*?/\\]{1,31}$/);
    expect(new Set(names).size).toBe(names.length);
  });

  it('writes each result area of the MJU report with its text and its indicators under their header row', async () => {
    const area = { id: 1, code: 'RP1', name: 'Informiranje' };
    const text = 'Neposredno ciljno informiranje NVO preko elektronske in navadne pošte.';
    const input = reportInputFactory({ resultAreas: [area], indicators: [indicatorSummaryFactory({ resultArea: area })], narratives: [{ resultAreaId: 1, text }] });
    const workbook = await readBack(await renderXlsx(buildReportModel(input, loadTemplate('mju-sticisce'), 'sl')));
    const areas = sheet(workbook, 'Aktivnosti po področjih');
    expect([1, 2, 3, 4].map((r) => areas.getRow(r).getCell(1).value)).toEqual(['RP1 Informiranje', text, 'Zap. št.', 1]);
    expect(areas.getRow(2).getCell(1).alignment?.wrapText).toBe(true);
    expect(areas.pageSetup.printTitlesRow).toBeUndefined();
  });
});

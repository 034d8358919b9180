import ExcelJS from 'exceljs';
import { buildReportModel } from '../model/build-report-model';
import { indicatorSummaryFactory, reportInputFactory, shareIndicatorFactory } from '../../../test/support/factories/report-input.factory';
import { loadTemplate, templateIds } from '../templates/template-loader';
import { renderXlsx } from './excel-renderer';

/**
 * How every workbook asks to be printed, read back with exceljs: the cheap check that runs in
 * `npm test` (test/reports/xlsx-print.office-spec.ts prints the demo workbooks with LibreOffice).
 */
const LONG_NAME = 'Enota Velenje: število sodelujočih nevladnih organizacij, ki so izvajale aktivnosti za učence';
const area = { id: 1, code: 'RP1', name: 'Informiranje' };
const part = { organisationId: 1, organisationName: 'Društvo NOVUS', planned: null, achieved: 42, numerator: null, denominator: null };
const input = reportInputFactory({
  resultAreas: [area],
  indicators: [
    indicatorSummaryFactory({ name: LONG_NAME, partners: [part], resultArea: area }),
    shareIndicatorFactory({ explanation: 'Zamik začetka zaradi podpisa pogodbe.' }),
  ],
  narratives: [{ resultAreaId: 1, text: 'Neposredno ciljno informiranje NVO preko elektronske in navadne pošte, po telefonu, osebno v informacijski pisarni ter preko videokonferenc – 683 informiranih posameznikov.' }],
});

const CASES = templateIds().flatMap((id) => (['sl', 'en'] as const).map((lang) => [id, lang] as const));

async function workbookOf(id: string, lang: 'sl' | 'en'): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await renderXlsx(buildReportModel(input, loadTemplate(id), lang))) as unknown as ExcelJS.Buffer);
  return workbook;
}

function textCells(sheet: ExcelJS.Worksheet): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => {
    if (typeof cell.value === 'string' && cell.value !== '' && (!cell.isMerged || cell.master === cell)) cells.push(cell);
  }));
  return cells;
}

describe.each(CASES)('the %s workbook in %s, as printed', (id, lang) => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await workbookOf(id, lang);
  });

  it('puts every sheet on A4, one page wide, in the template orientation, with margins', () => {
    const orientation = loadTemplate(id).orientation;
    for (const sheet of workbook.worksheets) {
      expect({ sheet: sheet.name, ...sheet.pageSetup }).toMatchObject({ sheet: sheet.name, paperSize: 9, orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(sheet.pageSetup.margins).toMatchObject({ left: 0.5, right: 0.5, top: 0.75, bottom: 0.75 });
    }
  });

  it('names the face of every text cell (an unnamed bold font prints in another face)', () => {
    const unnamed = workbook.worksheets.flatMap((sheet) => textCells(sheet).filter((c) => c.font !== undefined && !c.font.name).map((c) => `${sheet.name}!${c.address}`));
    expect(unnamed).toEqual([]);
  });

  it('wraps every text longer than its column or merged range, in a row high enough for its lines', () => {
    const short = workbook.worksheets.flatMap((sheet) =>
      textCells(sheet).flatMap((cell) => {
        const range = cell.isMerged ? sheet.model.merges.find((m) => m.startsWith(cell.address)) : undefined;
        const [from, to] = range ? range.split(':').map((a) => Number(sheet.getCell(a).col)) : [Number(cell.col), Number(cell.col)];
        let width = 0;
        for (let c = from; c <= to; c++) width += sheet.getColumn(c).width ?? 9;
        const longest = Math.max(...cell.text.split('\n').map((l) => l.length));
        if (longest <= width - 1) return [];
        const lines = cell.text.split('\n').reduce((n, l) => n + Math.ceil((l.length * 1.1) / width), 0);
        const height = sheet.getRow(Number(cell.row)).height ?? 15;
        return cell.alignment?.wrapText && height >= 15 * Math.min(lines, 2) ? [] : [`${sheet.name}!${cell.address} (${lines} lines, height ${height})`];
      }),
    );
    expect(short).toEqual([]);
  });
});

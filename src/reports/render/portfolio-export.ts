import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { Lang } from '../../common/format/format';
import { percentToFraction, roundHalfUp } from '../../common/format/format';
import type { IndicatorKind, IndicatorStatus } from '../../indicators/indicator-summary.types';
import { KIND_LABELS, STATUS_LABELS } from '../model/labels';

/**
 * All projects' indicators in one sheet, streamed: each row is committed as it is written, so
 * memory stays flat for 100,000 rows (the in-memory Workbook needs several times more).
 */
export interface PortfolioRow {
  projectCode: string;
  projectName: string;
  year: number;
  indicatorCode: string;
  indicatorName: string;
  kind: IndicatorKind;
  /** The unit as shown to people ("število oseb"). */
  unit: string;
  planned: number | null;
  achieved: number | null;
  /** A percentage: 103.33 means 103,33 %. Stored as the fraction 1.0333. */
  achievementPercent: number | null;
  status: IndicatorStatus;
}

const HEADINGS: Record<Lang, string[]> = {
  sl: ['Projekt', 'Naziv projekta', 'Leto', 'Kazalnik', 'Naziv kazalnika', 'Vrsta', 'Merska enota',
    'Predvideno', 'Doseženo', '% doseganja', 'Status'],
  en: ['Project', 'Project name', 'Year', 'Indicator', 'Indicator name', 'Type', 'Unit',
    'Planned', 'Achieved', '% achieved', 'Status'],
};
const WIDTHS = [12, 40, 8, 12, 60, 12, 18, 14, 14, 12, 18];
const NUMBER = '#,##0.##';
const PERCENT: Record<Lang, string> = { sl: '0.00 %', en: '0.00%' };
/** Hand the event loop back now and then, so the zip stream drains instead of buffering. */
const YIELD_EVERY = 500;

export interface PortfolioExportOptions {
  lang?: Lang;
  sheetName?: string;
}

function rowValues(row: PortfolioRow, lang: Lang): (string | number | null)[] {
  return [
    row.projectCode,
    row.projectName,
    row.year,
    row.indicatorCode,
    row.indicatorName,
    KIND_LABELS[row.kind][lang],
    row.unit,
    row.planned === null ? null : roundHalfUp(row.planned, 2).toNumber(),
    row.achieved === null ? null : roundHalfUp(row.achieved, 2).toNumber(),
    row.achievementPercent === null ? null : percentToFraction(row.achievementPercent),
    STATUS_LABELS[row.status][lang],
  ];
}

/** Writes the rows to a file path or a writable stream; resolves once the file is complete. */
export async function writePortfolioXlsx(
  rows: AsyncIterable<PortfolioRow> | Iterable<PortfolioRow>,
  out: NodeJS.WritableStream | string,
  options: PortfolioExportOptions = {},
): Promise<{ rows: number }> {
  const lang = options.lang ?? 'sl';
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter(
    typeof out === 'string'
      ? { filename: out, useStyles: true, useSharedStrings: false }
      : { stream: out as Writable, useStyles: true, useSharedStrings: false },
  );
  const sheet = workbook.addWorksheet(options.sheetName ?? (lang === 'sl' ? 'Kazalniki' : 'Indicators'), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = HEADINGS[lang].map((header, i) => ({ header, width: WIDTHS[i] }));
  sheet.getColumn(8).numFmt = NUMBER;
  sheet.getColumn(9).numFmt = NUMBER;
  sheet.getColumn(10).numFmt = PERCENT[lang];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  let count = 0;
  for await (const row of rows) {
    // Strings are stored as strings: a name starting with "=" stays text.
    sheet.addRow(rowValues(row, lang)).commit();
    count += 1;
    if (count % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
  return { rows: count };
}

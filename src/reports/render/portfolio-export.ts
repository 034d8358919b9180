import { createWriteStream } from 'node:fs';
import type { Lang } from '../../common/format/format';
import { percentToFraction, roundHalfUp } from '../../common/format/format';
import type { IndicatorKind, IndicatorStatus } from '../../indicators/indicator-summary.types';
import { KIND_LABELS, STATUS_LABELS } from '../model/labels';
import { CellStyle, CellValue, SheetStream } from './sheet-stream';

/**
 * All projects' indicators in one sheet, streamed: rows go into the zip as they come and the
 * writer waits for the zip to catch up, so memory stays flat however many rows there are.
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
const HEADER_STYLES: CellStyle[] = WIDTHS.map(() => 'header');
const ROW_STYLES: CellStyle[] = WIDTHS.map((_, i) => (i === 7 || i === 8 ? 'number' : i === 9 ? 'percent' : 'plain'));

export interface PortfolioExportOptions {
  lang?: Lang;
  sheetName?: string;
}

function rowValues(row: PortfolioRow, lang: Lang): CellValue[] {
  return [
    row.projectCode,
    row.projectName,
    row.year,
    row.indicatorCode,
    row.indicatorName,
    KIND_LABELS[row.kind][lang],
    row.unit,
    row.planned === null ? null : toTwoDecimals(row.planned),
    row.achieved === null ? null : toTwoDecimals(row.achieved),
    row.achievementPercent === null ? null : fractionOfPercent(row.achievementPercent),
    STATUS_LABELS[row.status][lang],
  ];
}

/** A plain decimal with at most two places, as JavaScript prints a number: `-12`, `103.33`. */
const TWO_PLACES = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/**
 * `roundHalfUp(n, 2)` as a number. The figures come already rounded to two places
 * (toJsonNumber), and for those rounding again gives the same number (0 for -0): Decimal reads
 * a number from its shortest printed form, which then has nothing past two places to round. Any
 * other number goes through Decimal.
 */
function toTwoDecimals(n: number): number {
  if (TWO_PLACES.test(String(n))) return n === 0 ? 0 : n;
  return roundHalfUp(n, 2).toNumber();
}

/**
 * `percentToFraction` without a Decimal per cell where the percentage has at most two places:
 * moving the decimal point two places left is then exact and leaves four places, which rounding
 * to four keeps as they are; the number is read from that decimal text, as Decimal reads it.
 */
function fractionOfPercent(percent: number): number {
  const match = TWO_PLACES.exec(String(percent));
  if (!match || percent === 0) return percentToFraction(percent);
  const digits = `${match[2]}${(match[3] ?? '').padEnd(2, '0')}`.padStart(5, '0');
  return Number(`${match[1]}${digits.slice(0, -4)}.${digits.slice(-4)}`);
}

/** Writes the rows to a file path or a writable stream; resolves once the file is complete. */
export async function writePortfolioXlsx(
  rows: AsyncIterable<PortfolioRow> | Iterable<PortfolioRow>,
  out: NodeJS.WritableStream | string,
  options: PortfolioExportOptions = {},
): Promise<{ rows: number }> {
  const lang = options.lang ?? 'sl';
  const sheet = new SheetStream(typeof out === 'string' ? createWriteStream(out) : out, {
    sheetName: options.sheetName ?? (lang === 'sl' ? 'Kazalniki' : 'Indicators'),
    widths: WIDTHS,
    numberFormat: NUMBER,
    percentFormat: PERCENT[lang],
    landscape: true,
  });
  await sheet.addRow(HEADINGS[lang], HEADER_STYLES);
  let count = 0;
  for await (const row of rows) {
    // Strings are stored as strings: a name starting with "=" stays text.
    await sheet.addRow(rowValues(row, lang), ROW_STYLES);
    count += 1;
  }
  await sheet.finish();
  return { rows: count };
}

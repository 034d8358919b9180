import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { Lang } from '../../common/format/format';
import { percentToFraction, roundHalfUp } from '../../common/format/format';
import type { IndicatorKind, IndicatorStatus } from '../../indicators/indicator-summary.types';
import { KIND_LABELS, STATUS_LABELS } from '../model/labels';

/**
 * All projects' indicators in one sheet, streamed: each row is committed as it is written and the
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
const CHECK_EVERY = 500;

interface PipedStream {
  _writableState?: { needDrain?: boolean };
  once(event: 'drain', listener: () => void): unknown;
}

/**
 * exceljs' sheet stream (StreamBuf, 4.4) writes into the zip entry without heeding backpressure:
 * left alone, the whole uncompressed sheet piles up in memory while deflate catches up. So wait
 * for the zip entry's stream to drain. This reads exceljs internals; if they change, it falls
 * back to yielding to the event loop (correct output, memory no longer flat).
 */
function backpressure(sheet: ExcelJS.Worksheet): Promise<void> {
  const internal = sheet as unknown as { _stream?: { pipes?: PipedStream[] } };
  const full = (internal._stream?.pipes ?? []).find((pipe) => pipe._writableState?.needDrain);
  return new Promise<void>((resolve) => (full ? full.once('drain', resolve) : setImmediate(resolve)));
}

/**
 * One shared style object per column. exceljs caches a style's id by object identity; a column
 * format would give every cell its own merged copy and cost a lookup by content per cell, about
 * half the export's time.
 */
const STYLE_CACHE = new Map<Lang, Partial<ExcelJS.Style>[]>();

function columnStyles(lang: Lang): Partial<ExcelJS.Style>[] {
  let styles = STYLE_CACHE.get(lang);
  if (!styles) {
    styles = HEADINGS[lang].map((_, i) =>
      i === 7 || i === 8 ? { numFmt: NUMBER } : i === 9 ? { numFmt: PERCENT[lang] } : {},
    );
    STYLE_CACHE.set(lang, styles);
  }
  return styles;
}

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
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  const styles = columnStyles(lang);
  let count = 0;
  for await (const row of rows) {
    // Strings are stored as strings: a name starting with "=" stays text.
    const added = sheet.addRow(rowValues(row, lang));
    added.eachCell((cell, column) => (cell.style = styles[column - 1]));
    added.commit();
    count += 1;
    if (count % CHECK_EVERY === 0) await backpressure(sheet);
  }
  sheet.commit();
  await workbook.commit();
  return { rows: count };
}

import type { Worksheet } from 'exceljs';
import type { Lang } from '../../common/format/format';
import type { ReportCell, ReportModel } from '../model/report-model.types';

/**
 * How model cells become spreadsheet cells. Number formats are locale-neutral codes: Excel shows
 * them with the reader's own separators, so a Slovene Excel shows 5.503 and 40,32 %.
 */
const NUM_FMT: Record<Lang, Record<Exclude<ReportCell['format'], 'text'>, string>> = {
  sl: { integer: '#,##0', decimal: '#,##0.00', percent: '0.00 %', eur: '#,##0.00 "€"', date: 'd. m. yyyy' },
  en: { integer: '#,##0', decimal: '#,##0.00', percent: '0.00%', eur: '"€"#,##0.00', date: 'd mmm yyyy' },
};

export type XlsxValue = string | number | Date;

/** A cell's stored value: the Date, the number, or (no number) the display text. */
export function xlsxValue(cell: ReportCell): XlsxValue {
  if (cell.date) return cell.date;
  return cell.number ?? cell.text;
}

/** The number format for a cell, with its qualifier ("vsaj") kept as a literal. */
export function xlsxNumFmt(cell: ReportCell, lang: Lang): string | undefined {
  if (cell.format === 'text' || (cell.number === null && !cell.date)) return undefined;
  const format =
    cell.format === 'percent' && cell.decimals !== undefined
      ? NUM_FMT[lang].percent.replace('0.00', cell.decimals > 0 ? `0.${'0'.repeat(cell.decimals)}` : '0')
      : NUM_FMT[lang][cell.format];
  return cell.prefix ? `"${cell.prefix.replace(/"/g, '')} "${format}` : format;
}

const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;
export const MAX_SHEET_NAME = 31;

/** Cuts at a word boundary when that keeps at least half the room, else mid-word. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1).lastIndexOf(' ');
  return (cut >= max / 2 ? text.slice(0, cut) : text.slice(0, max)).trim();
}

/** A valid, unique sheet name: no []:*?/\, no edge apostrophes, at most 31 characters. */
export function sheetName(title: string, taken: Set<string>): string {
  const base =
    title.replace(FORBIDDEN_IN_SHEET_NAME, '-').replace(/^'+|'+$/g, '').replace(/\s+/g, ' ').trim() || 'List';
  let name = shorten(base, MAX_SHEET_NAME);
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = shorten(base, MAX_SHEET_NAME - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** In header/footer codes `&` starts a command: a literal ampersand is written `&&`. */
function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

/** A4 landscape (or as the template says), one page wide, header row repeated on every page. */
export function setUpPrinting(sheet: Worksheet, model: ReportModel, titleRows: string | null): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: model.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    ...(titleRows ? { printTitlesRow: titleRows } : {}),
  };
  const footer = headerText(model.pageLabel).replaceAll('{page}', '&P').replaceAll('{pages}', '&N');
  sheet.headerFooter = {
    ...sheet.headerFooter,
    oddHeader: `&L${headerText(model.title)}&R${headerText(sheet.name)}`,
    oddFooter: `&C${footer}`,
  };
}

/** Width in characters that fits the longest text of a column, within limits per kind of column. */
export function fittingWidth(texts: string[], weight: number): number {
  const longest = Math.max(0, ...texts.map((t) => Math.max(...t.split('\n').map((line) => line.length))));
  const max = weight >= 3 ? 60 : weight >= 2 ? 40 : 22;
  return Math.min(max, Math.max(8, longest + 2));
}

/** Rough height for wrapped rows: Excel does not re-measure rows of a generated file. */
export function wrappedHeight(texts: string[], widths: number[]): number {
  const lines = texts.map((text, i) =>
    text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / Math.max(1, widths[i] - 1))), 0),
  );
  return 15 * Math.max(1, ...lines);
}

import type { Cell, Row, Worksheet } from 'exceljs';
import type { Lang } from '../../common/format/format';
import type { NarrativeSection, ReportCell, ReportModel, ReportTable, ResultAreasSection, SignatureSection } from '../model/report-model.types';
import { fittingWidth, wrappedHeight, xlsxNumFmt, xlsxValue } from './excel-format';

/** Writes one section of the model onto a worksheet. Layout only; values come from the model. */
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } } as const;
const GROUP_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } as const;
const THIN = { style: 'thin', color: { argb: 'FFA6A6A6' } } as const;
/**
 * Every font names its face: a font with no name is drawn in the reader's default face (a serif
 * in LibreOffice), so bold labels would print in another, wider face than the values beside them.
 */
const FACE = 'Calibri';
const BOLD = { name: FACE, bold: true } as const;
/** Bold text takes about a tenth more room than the regular text the widths are measured for. */
const BOLD_WIDTH = 0.9;

function putCell(target: Cell, cell: ReportCell, lang: Lang): void {
  // A string is always stored as a string: text such as "=SUM(A1)" never becomes a formula.
  target.value = xlsxValue(cell);
  const numFmt = xlsxNumFmt(cell, lang);
  if (numFmt) target.numFmt = numFmt;
}

function frameRow(row: Row, columns: number, wrap: boolean[]): void {
  for (let c = 1; c <= columns; c++) {
    const cell = row.getCell(c);
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
    cell.alignment = { ...cell.alignment, vertical: 'top', wrapText: wrap[c - 1] };
  }
}

/** A title or note over every column, as high as its wrapped lines (LibreOffice does not grow rows). */
function spanningRow(sheet: Worksheet, text: string, widths: number[], style: 'group' | 'note'): void {
  const row = sheet.addRow([text]);
  if (widths.length > 1) sheet.mergeCells(row.number, 1, row.number, widths.length);
  row.getCell(1).font = style === 'group' ? BOLD : { name: FACE, italic: true };
  if (style === 'group') row.getCell(1).fill = GROUP_FILL;
  row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  row.height = wrappedHeight([text], [total(widths) * BOLD_WIDTH]);
}

function total(widths: number[]): number {
  return widths.reduce((a, b) => a + b, 0);
}

interface TableLayout {
  widths: number[];
  /** Columns whose texts are longer than the column is wide. */
  wrap: boolean[];
}

/** Group titles (an indicator's name over its partners) may need more room than the columns' own texts. */
const MIN_TITLED_WIDTH = 70;

function tableLayout(table: ReportTable): TableLayout {
  const allRows = table.groups.flatMap((g) => g.rows);
  const widths = table.columns.map((column, i) =>
    fittingWidth([...column.label.split(' '), ...allRows.map((row) => row[i].text)], column.weight),
  );
  const longestTitle = Math.max(0, ...table.groups.map((g) => (g.title ?? '').length));
  const wanted = Math.min(MIN_TITLED_WIDTH, longestTitle + 2);
  if (widths.length > 0 && total(widths) < wanted) {
    const widest = table.columns.reduce((best, c, i) => (c.weight > table.columns[best].weight ? i : best), 0);
    widths[widest] += wanted - total(widths);
  }
  return { widths, wrap: table.columns.map((_, i) => allRows.some((row) => row[i].text.length > widths[i] - 2)) };
}

function headerRow(sheet: Worksheet, table: ReportTable, layout: TableLayout): Row {
  const header = sheet.addRow(table.columns.map((c) => c.label));
  header.font = BOLD;
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  frameRow(header, table.columns.length, table.columns.map(() => true));
  header.height = wrappedHeight(table.columns.map((c) => c.label), layout.widths.map((w) => w * BOLD_WIDTH));
  return header;
}

function dataRow(sheet: Worksheet, table: ReportTable, cells: ReportCell[], layout: TableLayout, lang: Lang): void {
  const row = sheet.addRow([]);
  cells.forEach((cell, i) => putCell(row.getCell(i + 1), cell, lang));
  frameRow(row, table.columns.length, layout.wrap);
  table.columns.forEach((column, i) => {
    if (column.align === 'right') row.getCell(i + 1).alignment = { ...row.getCell(i + 1).alignment, horizontal: 'right' };
  });
  if (layout.wrap.some(Boolean)) row.height = wrappedHeight(cells.map((c) => c.text), layout.widths);
}

/** Header row 1 (frozen, repeated when printed), then groups of rows. */
export function writeTableSheet(sheet: Worksheet, table: ReportTable, lang: Lang): void {
  const count = table.columns.length;
  const layout = tableLayout(table);
  sheet.columns = table.columns.map((column, i) => ({ key: column.key, width: layout.widths[i] }));
  headerRow(sheet, table, layout);
  for (const group of table.groups) {
    if (group.title) spanningRow(sheet, group.title, layout.widths, 'group');
    for (const cells of group.rows) dataRow(sheet, table, cells, layout, lang);
    if (group.note) spanningRow(sheet, group.note, layout.widths, 'note');
  }
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
}

/** A paragraph over every column, wrapped, as high as its lines (LibreOffice does not grow rows). */
function paragraphRow(sheet: Worksheet, text: string, widths: number[]): void {
  const row = sheet.addRow([text]);
  if (widths.length > 1) sheet.mergeCells(row.number, 1, row.number, widths.length);
  row.getCell(1).alignment = { vertical: 'top', wrapText: true };
  row.height = wrappedHeight([text], [total(widths)]);
}

/**
 * Per result area: its title, its text (one merged row per paragraph), then its indicators under
 * their own header row; all areas share the columns, so the figures line up down the sheet.
 */
export function writeResultAreasSheet(sheet: Worksheet, section: ResultAreasSection, lang: Lang): void {
  const { table } = section;
  const layout = table.columns.length > 0 ? tableLayout(table) : { widths: [LABEL_WIDTH + VALUE_WIDTH], wrap: [true] };
  sheet.columns = layout.widths.map((width) => ({ width }));
  section.areas.forEach((area, i) => {
    if (i > 0) sheet.addRow([]);
    if (area.heading) spanningRow(sheet, area.heading, layout.widths, 'group');
    for (const paragraph of area.paragraphs) paragraphRow(sheet, paragraph, layout.widths);
    if (!area.table) return;
    headerRow(sheet, area.table, layout);
    for (const cells of area.table.groups.flatMap((g) => g.rows)) dataRow(sheet, area.table, cells, layout, lang);
  });
}

const LABEL_WIDTH = 30;
const VALUE_WIDTH = 95;

/** A text over both columns, wrapped, with a height that holds it (LibreOffice does not grow rows). */
function titleRow(sheet: Worksheet, text: string, size: number, bold: boolean): void {
  const row = sheet.addRow([text]);
  sheet.mergeCells(row.number, 1, row.number, 2);
  row.getCell(1).font = { name: FACE, bold, size };
  row.getCell(1).alignment = { vertical: 'top', wrapText: true };
  row.height = (wrappedHeight([text], [Math.floor(((LABEL_WIDTH + VALUE_WIDTH) * 11) / size)]) * size) / 11;
}

/**
 * Title, subtitle, then one row per header field: label and value, each wrapped inside its own
 * cell, rows as high as the longer of the two, so a printed page has no text running over another.
 */
export function writeGeneralSheet(sheet: Worksheet, model: ReportModel): void {
  sheet.columns = [{ width: LABEL_WIDTH }, { width: VALUE_WIDTH }];
  titleRow(sheet, model.title, 14, true);
  titleRow(sheet, model.subtitle, 12, false);
  sheet.addRow([]);
  for (const field of model.header) {
    const row = sheet.addRow([field.label]);
    row.getCell(1).font = BOLD;
    field.cells.forEach((cell, i) => putCell(row.getCell(i + 2), cell, model.lang));
    row.eachCell((cell) => (cell.alignment = { vertical: 'top', wrapText: true, horizontal: 'left' }));
    row.height = wrappedHeight([field.label, field.value], [LABEL_WIDTH * BOLD_WIDTH, VALUE_WIDTH]);
  }
}

export function writeNarrativeSheet(sheet: Worksheet, section: NarrativeSection): void {
  sheet.columns = [{ width: 28 }, { width: 100 }];
  const header = sheet.addRow([section.columns.heading, section.columns.text]);
  header.font = BOLD;
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  for (const block of section.blocks) {
    for (const paragraph of block.paragraphs) {
      const row = sheet.addRow([block.heading ?? '', paragraph]);
      row.eachCell((cell) => (cell.alignment = { vertical: 'top', wrapText: true }));
      row.height = wrappedHeight(['', paragraph], [28, 100]);
    }
  }
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
}

/** Label, then what the records hold; a bottom border to write on where they hold nothing. */
export function writeSignatureSheet(sheet: Worksheet, section: SignatureSection, lang: Lang): void {
  const widths = [LABEL_WIDTH, 40, 30];
  sheet.columns = widths.map((width) => ({ width }));
  for (const field of section.fields) {
    const row = sheet.addRow([field.label]);
    row.getCell(1).font = BOLD;
    const first = field.lineBefore ? 3 : 2;
    if (field.lineBefore || field.cells.length === 0) row.getCell(2).border = { bottom: THIN };
    if (field.lineBefore && field.cells.length === 0) row.getCell(3).value = field.value;
    field.cells.forEach((cell, i) => putCell(row.getCell(i + first), cell, lang));
    const texts = widths.map((_, c) => row.getCell(c + 1).text ?? '');
    row.eachCell((cell) => {
      cell.font = { name: FACE, ...cell.font };
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    // Room to sign: at least 24 points, more when a bilingual label wraps.
    row.height = Math.max(24, wrappedHeight(texts, [LABEL_WIDTH * BOLD_WIDTH, 40, 30]));
  }
}

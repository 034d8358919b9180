import type { Cell, Row, Worksheet } from 'exceljs';
import type { Lang } from '../../common/format/format';
import type { NarrativeSection, ReportCell, ReportModel, ReportTable, SignatureSection } from '../model/report-model.types';
import { fittingWidth, wrappedHeight, xlsxNumFmt, xlsxValue } from './excel-format';

/** Writes one section of the model onto a worksheet. Layout only; values come from the model. */
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } } as const;
const GROUP_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } as const;
const THIN = { style: 'thin', color: { argb: 'FFA6A6A6' } } as const;

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

function spanningRow(sheet: Worksheet, text: string, columns: number, style: 'group' | 'note'): void {
  const row = sheet.addRow([text]);
  if (columns > 1) sheet.mergeCells(row.number, 1, row.number, columns);
  row.getCell(1).font = style === 'group' ? { bold: true } : { italic: true };
  if (style === 'group') row.getCell(1).fill = GROUP_FILL;
  row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
}

/** Header row 1 (frozen, repeated when printed), then groups of rows. */
export function writeTableSheet(sheet: Worksheet, table: ReportTable, lang: Lang): void {
  const count = table.columns.length;
  const allRows = table.groups.flatMap((g) => g.rows);
  const widths = table.columns.map((column, i) =>
    fittingWidth([...column.label.split(' '), ...allRows.map((row) => row[i].text)], column.weight),
  );
  sheet.columns = table.columns.map((column, i) => ({ key: column.key, width: widths[i] }));
  const wrap = table.columns.map((column, i) => allRows.some((row) => row[i].text.length > widths[i] - 2));

  const header = sheet.addRow(table.columns.map((c) => c.label));
  header.font = { bold: true };
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  frameRow(header, count, table.columns.map(() => true));
  header.height = wrappedHeight(table.columns.map((c) => c.label), widths);

  if (allRows.length === 0) spanningRow(sheet, table.emptyText, count, 'note');
  for (const group of table.groups) {
    if (group.title) spanningRow(sheet, group.title, count, 'group');
    for (const cells of group.rows) {
      const row = sheet.addRow([]);
      cells.forEach((cell, i) => putCell(row.getCell(i + 1), cell, lang));
      frameRow(row, count, wrap);
      table.columns.forEach((column, i) => {
        if (column.align === 'right') row.getCell(i + 1).alignment = { ...row.getCell(i + 1).alignment, horizontal: 'right' };
      });
      if (wrap.some(Boolean)) row.height = wrappedHeight(cells.map((c) => c.text), widths);
    }
    if (group.note) spanningRow(sheet, group.note, count, 'note');
  }
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
}

/** Title, subtitle, then one row per header field: label, then its cells (a period is two dates). */
export function writeGeneralSheet(sheet: Worksheet, model: ReportModel): void {
  sheet.columns = [{ width: 28 }, { width: 60 }, { width: 16 }];
  sheet.addRow([model.title]).font = { bold: true, size: 14 };
  sheet.addRow([model.subtitle]).font = { size: 12 };
  sheet.addRow([]);
  for (const field of model.header) {
    const row = sheet.addRow([field.label]);
    row.getCell(1).font = { bold: true };
    field.cells.forEach((cell, i) => putCell(row.getCell(i + 2), cell, model.lang));
    row.eachCell((cell) => (cell.alignment = { vertical: 'top', wrapText: true, horizontal: 'left' }));
    row.height = wrappedHeight([field.value], [60]);
  }
}

export function writeNarrativeSheet(sheet: Worksheet, section: NarrativeSection): void {
  sheet.columns = [{ width: 28 }, { width: 100 }];
  const header = sheet.addRow([section.columns.heading, section.columns.text]);
  header.font = { bold: true };
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  if (section.blocks.length === 0) sheet.addRow(['', section.emptyText]);
  for (const block of section.blocks) {
    for (const paragraph of block.paragraphs) {
      const row = sheet.addRow([block.heading ?? '', paragraph]);
      row.eachCell((cell) => (cell.alignment = { vertical: 'top', wrapText: true }));
      row.height = wrappedHeight(['', paragraph], [28, 100]);
    }
  }
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
}

export function writeSignatureSheet(sheet: Worksheet, section: SignatureSection, lang: Lang): void {
  sheet.columns = [{ width: 28 }, { width: 40 }, { width: 16 }];
  for (const field of section.fields) {
    const row = sheet.addRow([field.label]);
    row.getCell(1).font = { bold: true };
    field.cells.forEach((cell, i) => putCell(row.getCell(i + 2), cell, lang));
    if (field.cells.length === 0) row.getCell(2).border = { bottom: THIN };
    row.height = 24;
  }
}

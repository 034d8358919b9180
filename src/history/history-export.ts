import ExcelJS from 'exceljs';
import { toCsv } from '../common/csv';
import type { HistoryEvent } from './history-replay';

const HEADER = ['Zap. št. vnosa', 'Čas (UTC)', 'Uporabnik', 'Vloga', 'Dejanje', 'Zapis', 'ID zapisa', 'Prej', 'Potem', 'Razlog', 'Kategorija razloga'];

function row(e: HistoryEvent): (string | number | null)[] {
  return [
    e.entryId,
    e.occurredAt,
    e.actor,
    e.role,
    e.action,
    e.entityType,
    e.entityId,
    e.before ? JSON.stringify(e.before) : null,
    e.after ? JSON.stringify(e.after) : null,
    e.reason,
    e.reasonCategory,
  ];
}

/** An audit trail as CSV; cells that a spreadsheet would run as formulas are neutralised. */
export function historyCsv(events: readonly HistoryEvent[]): Buffer {
  return Buffer.from(toCsv(HEADER, events.map(row)), 'utf8');
}

/** An audit trail as one XLSX sheet; user text is always stored as text, never as a formula. */
export async function historyXlsx(events: readonly HistoryEvent[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kazalnik';
  workbook.title = title;
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet('Revizijska sled', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = HEADER.map((header, i) => ({ header, width: [10, 22, 14, 16, 10, 18, 10, 50, 50, 40, 18][i] }));
  sheet.getRow(1).font = { bold: true };
  for (const e of events) {
    const values = row(e);
    values[1] = null;
    const added = sheet.addRow(values);
    const at = new Date(e.occurredAt);
    added.getCell(2).value = at;
    added.getCell(2).numFmt = 'd. m. yyyy hh:mm:ss';
    for (const c of [8, 9, 10]) added.getCell(c).alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.autoFilter = { from: 'A1', to: 'K1' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

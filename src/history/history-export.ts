import ExcelJS from 'exceljs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { csvCell } from '../common/csv';
import type { HistoryEvent } from './history-replay';
import { ACTION_WORDS, ENTITY_WORDS, REASON_WORDS, ROLE_WORDS, UnitOf, describeChange, words } from './history-words';

/**
 * An audit trail as an auditor reads it: one row per entry, actions, records and roles in words,
 * the change field by field ("Vrednost: 12 → 14") with units, written as it is read so that
 * memory stays flat however long the trail (CSV and XLSX alike).
 */
export const TRAIL_HEADER = [
  'Zap. št. vnosa',
  'Čas (UTC)',
  'Uporabnik',
  'Vloga',
  'Dejanje',
  'Zapis',
  'ID zapisa',
  'Projekt',
  'Kazalnik',
  'Merska enota',
  'Sprememba',
  'Razlog',
  'Kategorija razloga',
];
const WIDTHS = [10, 18, 14, 16, 22, 22, 10, 14, 40, 16, 70, 40, 22];

/** What a row needs to know beyond the entry: the project's code, the indicator and its unit. */
export interface TrailContext {
  projectCode(projectId: number | null): string | null;
  indicatorOf(event: HistoryEvent): { code: string; name: string; unit: string; unitWords: string } | null;
}

export interface TrailRow {
  entryId: number;
  occurredAt: string;
  values: (string | number | null)[];
}

export function trailRow(event: HistoryEvent, ctx: TrailContext): TrailRow {
  const indicator = ctx.indicatorOf(event);
  const unit: UnitOf | null = indicator ? { unit: indicator.unit } : null;
  return {
    entryId: event.entryId,
    occurredAt: event.occurredAt,
    values: [
      event.entryId,
      event.occurredAt.slice(0, 19).replace('T', ' '),
      event.actor,
      words(ROLE_WORDS, event.role),
      words(ACTION_WORDS, event.action),
      words(ENTITY_WORDS, event.entityType),
      event.entityId,
      ctx.projectCode(event.projectId),
      indicator ? `${indicator.code} ${indicator.name}` : null,
      indicator?.unitWords ?? null,
      describeChange(event.before, event.after, unit),
      event.reason,
      words(REASON_WORDS, event.reasonCategory),
    ],
  };
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/** CSV with a BOM (Excel reads č, š, ž) and CRLF; cells a spreadsheet would run as formulas are neutralised. */
export async function writeTrailCsv(rows: AsyncIterable<TrailRow>, out: Writable): Promise<number> {
  await write(out, `\uFEFF${TRAIL_HEADER.map(csvCell).join(',')}\r\n`);
  let count = 0;
  for await (const row of rows) {
    await write(out, `${row.values.map(csvCell).join(',')}\r\n`);
    count += 1;
  }
  out.end();
  return count;
}

/**
 * One sheet, streamed (exceljs' streaming writer commits each row to the zip as it goes); the time
 * is a real date-time cell. User text is stored as text, never as a formula.
 */
export async function writeTrailXlsx(rows: AsyncIterable<TrailRow>, out: Writable, title: string): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Kazalnik';
  workbook.title = title;
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet('Revizijska sled', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = TRAIL_HEADER.map((header, i) => ({ header, width: WIDTHS[i] }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: 'A1', to: 'M1' };
  let count = 0;
  for await (const row of rows) {
    const added = sheet.addRow(row.values);
    added.getCell(2).value = new Date(row.occurredAt);
    added.getCell(2).numFmt = 'd. m. yyyy hh:mm:ss';
    for (const c of [9, 11, 12]) added.getCell(c).alignment = { wrapText: true, vertical: 'top' };
    added.commit();
    count += 1;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}

export async function* fromArray<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

import { textProblem, textProblemMessage } from '../../common/text/well-formed';
import ExcelJS from 'exceljs';
import { UNIT_DECIMALS } from '../calculation/validation';

/**
 * The values workbook: a template to fill in (one row per indicator × partner × dimension part
 * of a year, pre-filled with what is stored) and its reading back. Plain data in and out; the
 * handlers decide what the rows mean.
 */
export const VALUES_SHEET = 'Vrednosti';
export const GUIDE_SHEET = 'Navodila';
const META_SHEET = 'kazalnik';

/** The visible columns, in order, with the names the issue and the users rely on. */
export const COLUMNS = ['Koda', 'Kazalnik', 'Partner', 'Od', 'Do', 'Načrtovano', 'Dosežena vrednost', 'Števec', 'Imenovalec', 'Komentar'] as const;
/** Protected columns that carry what the reader needs to match rows to stored values. */
export const HIDDEN_COLUMNS = ['ID vrednosti', 'Različica', 'ID kazalnika', 'ID partnerja', 'Razčlenitev', 'Vrednost razčlenitve'] as const;
const ALL = [...COLUMNS, ...HIDDEN_COLUMNS];
const col = (name: (typeof ALL)[number]) => ALL.indexOf(name) + 1;
/** Columns a user types in; every other cell is locked. */
const INPUT_COLUMNS = ['Od', 'Do', 'Dosežena vrednost', 'Števec', 'Imenovalec', 'Komentar'] as const;
/** Columns whose cells must hold values, never formulas. */
export const VALUE_COLUMNS = ['Od', 'Do', 'Dosežena vrednost', 'Števec', 'Imenovalec'] as const;

export interface TemplateRow {
  indicatorId: number;
  code: string;
  name: string;
  unit: string;
  isShare: boolean;
  partnerId: number | null;
  partnerName: string;
  dimension: string | null;
  dimensionValue: string | null;
  periodStart: string;
  periodEnd: string;
  planned: string | null;
  value: { id: number; version: number; value: string; numerator: string | null; denominator: string | null; comment: string | null } | null;
}

export interface TemplateInput {
  projectCode: string;
  projectName: string;
  year: number;
  rows: TemplateRow[];
  /** Fixed for reproducible files; the download's moment otherwise. */
  created: Date;
}

export async function writeValuesTemplate(input: TemplateInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kazalnik';
  wb.created = input.created;
  wb.modified = input.created;
  const sheet = wb.addWorksheet(VALUES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ALL.map((header) => ({ header, key: header, width: widthOf(header) }));
  sheet.getRow(1).font = { bold: true };
  for (const r of input.rows) {
    const row = sheet.addRow([
      r.code,
      r.dimension ? `${r.name} (${r.dimensionValue})` : r.name,
      r.partnerName,
      isoToDate(r.periodStart),
      isoToDate(r.periodEnd),
      r.planned === null ? null : Number(r.planned),
      r.value && !r.isShare ? Number(r.value.value) : null,
      r.value?.numerator != null ? Number(r.value.numerator) : null,
      r.value?.denominator != null ? Number(r.value.denominator) : null,
      r.value?.comment ?? null,
      r.value?.id ?? null,
      r.value?.version ?? null,
      r.indicatorId,
      r.partnerId,
      r.dimension,
      r.dimensionValue,
    ]);
    for (const name of ['Od', 'Do'] as const) row.getCell(col(name)).numFmt = 'd. m. yyyy';
    for (const name of INPUT_COLUMNS) row.getCell(col(name)).protection = { locked: false };
    validate(row, r);
  }
  for (const name of HIDDEN_COLUMNS) sheet.getColumn(col(name)).hidden = true;
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });

  const guide = wb.addWorksheet(GUIDE_SHEET);
  guide.getColumn(1).width = 110;
  for (const line of guideLines(input)) guide.addRow([line]);
  guide.getRow(1).font = { bold: true, size: 13 };

  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.addRow(['projekt', input.projectCode]);
  meta.addRow(['leto', input.year]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Whole numbers where the unit counts persons or events, decimals for hours and euros. */
function validate(row: ExcelJS.Row, r: TemplateRow): void {
  const whole = (UNIT_DECIMALS[r.unit] ?? 6) === 0;
  const rule = (allowWhole: boolean, title: string): ExcelJS.DataValidation => ({
    type: allowWhole ? 'whole' : 'decimal',
    operator: 'greaterThanOrEqual',
    formulae: [0],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: title,
    error: allowWhole ? 'Vpišite celo število (osebe ali dogodki).' : 'Vpišite število; decimalke z vejico.',
  });
  if (r.isShare) {
    row.getCell(col('Števec')).dataValidation = rule(true, 'Števec');
    row.getCell(col('Imenovalec')).dataValidation = rule(true, 'Imenovalec');
    row.getCell(col('Dosežena vrednost')).protection = { locked: true };
  } else {
    row.getCell(col('Dosežena vrednost')).dataValidation = rule(whole, 'Dosežena vrednost');
    row.getCell(col('Števec')).protection = { locked: true };
    row.getCell(col('Imenovalec')).protection = { locked: true };
  }
  for (const name of ['Od', 'Do'] as const) {
    row.getCell(col(name)).dataValidation = { type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(1990, 0, 1))], allowBlank: false, showErrorMessage: true, error: 'Vpišite datum, npr. 1. 1. 2021.' };
  }
}

function guideLines(input: TemplateInput): string[] {
  return [
    `Kako izpolniti predlogo: ${input.projectCode} – ${input.projectName}, leto ${input.year}`,
    '',
    `Na listu »${VALUES_SHEET}« je ena vrstica za vsak kazalnik, partnerja in razčlenitev. Kar je že vneseno v Kazalnik, je izpolnjeno.`,
    '• V stolpec »Dosežena vrednost« vpišite doseženo vrednost za obdobje Od–Do. Osebe in dogodki so cela števila; ure in evri imajo lahko do dve decimalki (z vejico).',
    '• Pri deležih (%) vpišite »Števec« in »Imenovalec« (npr. 25 od 62); odstotek izračuna Kazalnik sam.',
    '• Vrstica s partnerjem je del skupne vrednosti (»od tega«); vsota delov ne sme preseči skupne vrednosti.',
    '• Obdobje (Od, Do) mora biti znotraj enega koledarskega leta in znotraj obdobja financiranja. Za mesečne vrednosti vrstico kopirajte in spremenite datume.',
    '• Prazne vrstice se ne uvozijo. Skritih stolpcev (ID vrednosti, Različica …) ne spreminjajte: po njih Kazalnik prepozna že shranjene vrednosti.',
    '• Celice ne smejo vsebovati formul; vpišite vrednost.',
    '',
    'Uvoz: najprej »Preveri« pokaže, kaj bo dodano, spremenjeno in ostalo enako, in vse napake po vrsticah. Shrani se vse ali nič.',
    'Če ste spremenili že shranjeno vrednost, navedite razlog spremembe. Ponovni uvoz iste datoteke ničesar ne spremeni.',
  ];
}

function widthOf(header: string): number {
  return ({ Kazalnik: 60, Partner: 36, Komentar: 40, Koda: 12 } as Record<string, number>)[header] ?? 14;
}

function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

// ---------------------------------------------------------------- reading back

export interface ReadRow {
  row: number;
  code: string;
  id: number | null;
  version: number | null;
  indicatorId: number | null;
  partnerId: number | null;
  dimension: string | null;
  dimensionValue: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  comment: string | null;
}

export interface ReadProblem {
  row: number | null;
  field: string;
  sl: string;
  en: string;
}

export interface ReadWorkbook {
  projectCode: string | null;
  year: number | null;
  rows: ReadRow[];
  problems: ReadProblem[];
}

/** Reads a values workbook. Throws for a file that is not a readable XLSX at all. */
export async function readValuesWorkbook(buffer: Buffer): Promise<ReadWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const meta = wb.getWorksheet(META_SHEET);
  const projectCode = meta ? text(meta.getCell('B1').value) : null;
  const yearText = meta ? text(meta.getCell('B2').value) : null;
  const sheet = wb.getWorksheet(VALUES_SHEET);
  const problems: ReadProblem[] = [];
  const rows: ReadRow[] = [];
  if (!sheet) {
    problems.push({ row: null, field: 'file', sl: `datoteka nima lista »${VALUES_SHEET}«`, en: `the file has no sheet "${VALUES_SHEET}"` });
    return { projectCode, year: null, rows, problems };
  }
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map((v) => text(v));
  const index = new Map(header.map((h, i) => [h, i + 1]));
  const missing = ALL.filter((name) => !index.has(name));
  if (missing.length) {
    problems.push({ row: 1, field: 'file', sl: `manjkajo stolpci: ${missing.join(', ')}`, en: `missing columns: ${missing.join(', ')}` });
    return { projectCode, year: yearText ? Number(yearText) : null, rows, problems };
  }
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cell = (name: (typeof ALL)[number]) => row.getCell(index.get(name)!);
    // The text rule of the API (common/text) for every stored text cell: well-formed, in NFC.
    const textCell = (name: (typeof ALL)[number]) => {
      const value = text(cell(name).value);
      const problem = value === null ? null : textProblem(value);
      if (!problem) return value?.normalize('NFC') ?? null;
      problems.push({ row: rowNumber, field: name, ...textProblemMessage(name, problem) });
      return null;
    };
    for (const name of VALUE_COLUMNS) {
      const v = cell(name).value as { formula?: string; sharedFormula?: string } | null;
      if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
        problems.push({ row: rowNumber, field: name, sl: `celica ${name} vsebuje formulo; vpišite vrednost`, en: `the ${name} cell holds a formula; enter a value` });
      }
    }
    const figures = (['Dosežena vrednost', 'Števec', 'Imenovalec'] as const).map((name) => number(cell(name).value, rowNumber, name, problems));
    const [value, numerator, denominator] = figures;
    const id = integer(cell('ID vrednosti').value);
    // A row with no figure and no stored value is a line left empty: nothing to import.
    if (id === null && value === null && numerator === null && denominator === null) return;
    rows.push({
      row: rowNumber,
      code: textCell('Koda') ?? '',
      id,
      version: integer(cell('Različica').value),
      indicatorId: integer(cell('ID kazalnika').value),
      partnerId: integer(cell('ID partnerja').value),
      dimension: textCell('Razčlenitev'),
      dimensionValue: textCell('Vrednost razčlenitve'),
      periodStart: date(cell('Od').value, rowNumber, 'Od', problems),
      periodEnd: date(cell('Do').value, rowNumber, 'Do', problems),
      value,
      numerator,
      denominator,
      comment: textCell('Komentar'),
    });
  });
  return { projectCode, year: yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : null, rows, problems };
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && 'richText' in (value as object)) {
    return (value as { richText: { text: string }[] }).richText.map((r) => r.text).join('').trim() || null;
  }
  if (typeof value === 'object' && 'result' in (value as object)) return text((value as { result: unknown }).result);
  const s = String(value).trim();
  return s === '' ? null : s;
}

function integer(value: unknown): number | null {
  const s = text(value);
  return s !== null && /^\d{1,10}$/.test(s) ? Number(s) : null;
}

/**
 * A figure from a cell: a number cell as it is; a text cell in the Slovene way (`1.250,5`: dots
 * group thousands, the comma is the decimal mark). `12.5` in a text cell is refused rather than
 * guessed at.
 */
function number(value: unknown, row: number, field: string, problems: ReadProblem[]): string | null {
  if (value === null || value === undefined || (typeof value === 'object' && ('formula' in (value as object) || 'sharedFormula' in (value as object)))) return null;
  if (typeof value === 'number') {
    const s = String(value);
    if (!Number.isFinite(value) || /e/i.test(s)) {
      problems.push({ row, field, sl: `${s} ni veljavno število`, en: `${s} is not a valid number` });
      return null;
    }
    return s;
  }
  const s = text(value);
  if (s === null) return null;
  const parsed = parseSloveneNumber(s);
  if (parsed === null) {
    problems.push({ row, field, sl: `»${s}« ni število (decimalke pišite z vejico, npr. 1.250,5)`, en: `"${s}" is not a number (write decimals with a comma, e.g. 1.250,5)` });
  }
  return parsed;
}

/** `1.250,5` → `1250.5`, `62` → `62`, `12,5` → `12.5`; anything else (`12.5`, `1,2,3`) → null. */
export function parseSloveneNumber(input: string): string | null {
  const s = input.replace(/[\s\u00a0]/g, '');
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(s);
  if (!m) return null;
  const whole = m[1].replace(/\./g, '').replace(/^0+(?=\d)/, '');
  return m[2] ? `${whole}.${m[2]}` : whole;
}

function date(value: unknown, row: number, field: string, problems: ReadProblem[]): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const s = text(value);
  if (s === null) {
    problems.push({ row, field, sl: `${field}: datum manjka`, en: `${field}: the date is missing` });
    return null;
  }
  const m = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})$/.exec(s) ?? null;
  if (m) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  problems.push({ row, field, sl: `»${s}« ni datum (npr. 1. 1. 2021)`, en: `"${s}" is not a date (e.g. 1. 1. 2021)` });
  return null;
}

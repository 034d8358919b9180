/**
 * CSV that is safe to open in a spreadsheet. A cell starting with = + - @ (or a tab or carriage
 * return) would be run as a formula, so it gets a leading apostrophe; the apostrophe is what
 * spreadsheet programs themselves use to mark "text". Numbers are written as numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = neutraliseCell(value);
  return /[",;\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to CSV text with a header, CRLF line ends and a BOM so Excel reads UTF-8 (č, š, ž). */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * Reporting years of a funding period. Funders want figures per calendar year inside the contract
 * period, so 23. 9. 2019 – 30. 9. 2022 gives 2019 (partial), 2020, 2021 and 2022 (partial).
 * Dates are ISO calendar dates (`YYYY-MM-DD`), compared as strings: no time zones involved.
 */
export interface ReportingYear {
  year: number;
  start: string;
  end: string;
  partial: boolean;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function reportingYears(start: string, end: string): ReportingYear[] {
  if (!isIsoDate(start) || !isIsoDate(end)) {
    throw new RangeError(`Not a calendar date: ${!isIsoDate(start) ? start : end}`);
  }
  if (end < start) throw new RangeError(`The period ends (${end}) before it starts (${start})`);
  const first = Number(start.slice(0, 4));
  const last = Number(end.slice(0, 4));
  const years: ReportingYear[] = [];
  for (let year = first; year <= last; year++) {
    const yearStart = `${year}-01-01`;
    const yearEnd = `${year}-12-31`;
    const s = start > yearStart ? start : yearStart;
    const e = end < yearEnd ? end : yearEnd;
    years.push({ year, start: s, end: e, partial: s !== yearStart || e !== yearEnd });
  }
  return years;
}

/** The part of the period that falls in `year`, or undefined when the period does not reach it. */
export function reportingYearOf(start: string, end: string, year: number): ReportingYear | undefined {
  return reportingYears(start, end).find((y) => y.year === year);
}

/** Whole days from `start` to `end`, both included. */
export function daysInclusive(start: string, end: string): number {
  const ms = Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`);
  return Math.round(ms / 86_400_000) + 1;
}

/** The calendar years from one ISO date to another, both included. */
export function yearsBetween(start: string, end: string): number[] {
  return reportingYears(start, end).map((y) => y.year);
}

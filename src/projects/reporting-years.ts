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

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A real day of the (proleptic Gregorian) calendar in the form YYYY-MM-DD, from the year 100 on
 * (as `Date.UTC` reads years below 100 as 19xx, such dates were never accepted). Checked by
 * arithmetic, without building a Date: an import checks two dates a row.
 */
export function isIsoDate(value: string): boolean {
  // `YYYY-MM-DD` read digit by digit (an import checks two dates a row; a regex's match array was
  // most of the cost), then the calendar.
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return false;
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 2);
  const d = digits(value, 8, 2);
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]);
}

const DASH = 45;

/** The number written by `count` ASCII digits from `start`, or -1 if any of them is not one. */
function digits(text: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
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

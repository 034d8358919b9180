import Decimal from 'decimal.js';
import { daysInclusive, reportingYearOf, type ReportingYear } from '../../projects/reporting-years';
import { KeyCache } from './key-cache';
import type { PeriodDef } from './types';

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** The calendar year an entry belongs to; entries never cross a year boundary. */
export function entryYear(entry: { periodStart: string }): number {
  return Number(entry.periodStart.slice(0, 4));
}

/**
 * Year windows already worked out: a portfolio asks for the same few contracts' years once per
 * indicator and several times inside each, and reportingYearOf checks the dates every time.
 */
const windows = new KeyCache<string, string, number, ReportingYear | undefined>();

/** The part of the funding period that falls in `year`; a RangeError outside the period. */
export function yearWindow(period: PeriodDef, year: number): ReportingYear {
  const found = windows.get(period.startDate, period.endDate, year, () => {
    const window = reportingYearOf(period.startDate, period.endDate, year);
    return window && Object.freeze(window);
  });
  if (!found) {
    throw new RangeError(`Year ${year} is outside the funding period ${period.startDate} – ${period.endDate}`);
  }
  return found;
}

/**
 * The share of `start`–`end` that has passed on `asOf`, as an exact fraction of whole days
 * (`asOf` itself counts as passed). 0 before the start, 1 from the end on.
 */
export function elapsedFraction(start: string, end: string, asOf: string): { elapsed: Decimal; total: Decimal } {
  return fractions.get(start, end, asOf, () => {
    const total = daysInclusive(start, end);
    const elapsed = asOf < start ? 0 : daysInclusive(start, minDate(asOf, end));
    return Object.freeze({ elapsed: new Decimal(elapsed), total: new Decimal(total) });
  });
}

/** Elapsed fractions already worked out: every indicator of a portfolio asks for the same few. */
const fractions = new KeyCache<string, string, string, { readonly elapsed: Decimal; readonly total: Decimal }>();

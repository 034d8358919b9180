import type Decimal from 'decimal.js';
import { reportingYears } from '../../projects/reporting-years';
import { sumOf, toDecimal } from './decimals';
import { KeyCache } from './key-cache';
import type { PeriodDef, TargetEntry } from './types';

/**
 * The row in force on `effectiveBy` among the rows for (year, partner): the latest `validFrom` on
 * or before that date (ties: the later input). An amendment therefore never rewrites a year that
 * was over before it took effect. When no row had taken effect yet (a target entered late, dated
 * from the amendment), the earliest row is the best statement of the plan there is.
 */
export function validTarget(
  targets: readonly TargetEntry[],
  year: number | null,
  partnerId: number | null,
  effectiveBy: string,
): TargetEntry | undefined {
  let inForce: TargetEntry | undefined;
  let earliest: TargetEntry | undefined;
  for (const row of targets) {
    if (row.year !== year || row.partnerId !== partnerId) continue;
    if (row.validFrom <= effectiveBy && (!inForce || row.validFrom >= inForce.validFrom)) inForce = row;
    if (!earliest || row.validFrom < earliest.validFrom) earliest = row;
  }
  return inForce ?? earliest;
}

function valueOf(row: TargetEntry | undefined): Decimal | null {
  return row ? toDecimal(row.value, 'target value') : null;
}

/** The target for `year` as it stood at the end of that year. */
export function yearTarget(targets: readonly TargetEntry[], year: number, partnerId: number | null): Decimal | null {
  return valueOf(validTarget(targets, year, partnerId, `${year}-12-31`));
}

/**
 * The whole-period target as it stood at the end of the reported year, so that a report for 2020
 * states the plan the organisation was working to in 2020, like the year targets do.
 */
export function periodTarget(
  targets: readonly TargetEntry[],
  partnerId: number | null,
  reportedYear: number,
): Decimal | null {
  return valueOf(validTarget(targets, null, partnerId, `${reportedYear}-12-31`));
}

/**
 * Σ of the year targets over the funding period, standing in for a whole-period target. Only a
 * plan for every reporting year adds up to one: a sum with a year missing would understate the
 * plan (and a forecast would "meet" it too easily), so it is null unless every year has a target.
 */
export function sumOfYearTargets(
  targets: readonly TargetEntry[],
  period: PeriodDef,
  partnerId: number | null,
): Decimal | null {
  const values = periodYears(period).map((year) => yearTarget(targets, year, partnerId));
  if (values.some((v) => v === null)) return null;
  return sumOf(values as Decimal[]);
}

/** The target of the last year of the funding period that has one: what a state should reach by the end. */
export function lastYearTarget(
  targets: readonly TargetEntry[],
  period: PeriodDef,
  partnerId: number | null,
): Decimal | null {
  const years = periodYears(period);
  for (let i = years.length - 1; i >= 0; i--) {
    const value = yearTarget(targets, years[i], partnerId);
    if (value !== null) return value;
  }
  return null;
}

/** The reporting years of a period, worked out once per period (every indicator of a project asks). */
const yearsOfPeriods = new KeyCache<string, string, null, readonly number[]>();

function periodYears(period: PeriodDef): readonly number[] {
  return yearsOfPeriods.get(period.startDate, period.endDate, null, () => Object.freeze(reportingYears(period.startDate, period.endDate).map((y) => y.year)));
}

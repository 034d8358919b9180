import type Decimal from 'decimal.js';
import { HUNDRED, sumOf, toDecimal } from './decimals';
import { entryYear, minDate } from './periods';
import type { AchievedEntry, Aggregate, IndicatorDef, PeriodDef } from './types';

type AggregationDef = Pick<IndicatorDef, 'aggregation' | 'isShare'>;
type Dated = Pick<AchievedEntry, 'periodStart' | 'periodEnd'>;

/** The entry with the latest periodEnd; ties go to the latest periodStart, then to the later input. */
export function latestEntry<T extends Dated>(entries: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const entry of entries) {
    if (
      !best ||
      entry.periodEnd > best.periodEnd ||
      (entry.periodEnd === best.periodEnd && entry.periodStart >= best.periodStart)
    ) {
      best = entry;
    }
  }
  return best;
}

export function shareOf(numerator: Decimal, denominator: Decimal): Decimal {
  // Multiplying first keeps it to one rounded division.
  return numerator.times(HUNDRED).div(denominator);
}

/** One entry as an aggregate; a share without its counts falls back to the stored percentage. */
export function entryAggregate(entry: AchievedEntry, isShare: boolean): Aggregate {
  if (isShare && entry.numerator !== null && entry.denominator !== null) {
    const numerator = toDecimal(entry.numerator, 'numerator');
    const denominator = toDecimal(entry.denominator, 'denominator');
    return { value: shareOf(numerator, denominator), numerator, denominator };
  }
  return { value: toDecimal(entry.value), numerator: null, denominator: null };
}

/**
 * Adds aggregates up: values for counts, numerators and denominators for shares. Percentages are
 * never added or averaged, so shares without counts can only stand alone: several of them give
 * null (validation refuses such entries for summed shares; this guards older data).
 */
export function combine(parts: readonly Aggregate[], isShare: boolean): Aggregate | null {
  if (parts.length === 0) return null;
  if (!isShare) return { value: sumOf(parts.map((p) => p.value)), numerator: null, denominator: null };
  if (parts.length === 1) return parts[0];
  if (parts.some((p) => p.numerator === null || p.denominator === null)) return null;
  const numerator = sumOf(parts.map((p) => p.numerator as Decimal));
  const denominator = sumOf(parts.map((p) => p.denominator as Decimal));
  if (denominator.isZero()) return null;
  return { value: shareOf(numerator, denominator), numerator, denominator };
}

/**
 * Whether an entry counts on `cutOff`: it overlaps the funding period and its period has begun.
 * An entry counts from its first day, not its last, because coordinators keep a running figure
 * for the year in progress on an entry that spans the whole year.
 */
export function countsBy(entry: Dated, period: PeriodDef, cutOff: string): boolean {
  return entry.periodEnd >= period.startDate && entry.periodStart <= minDate(cutOff, period.endDate);
}

/** The value from the start of the funding period up to `cutOff` (the year's end, or asOf if earlier). */
export function aggregateToDate(
  def: AggregationDef,
  entries: readonly AchievedEntry[],
  period: PeriodDef,
  cutOff: string,
): Aggregate | null {
  const counted = entries.filter((e) => countsBy(e, period, cutOff));
  if (def.aggregation === 'sum') return combine(counted.map((e) => entryAggregate(e, def.isShare)), def.isShare);
  // cumulative entries are running totals and latest entries are states: only the newest one says it all.
  const latest = latestEntry(counted);
  return latest ? entryAggregate(latest, def.isShare) : null;
}

/**
 * A year's value with the reason when there is none: `aggregate` is null both when nothing was
 * recorded in the year and when the year's part of a running total cannot be told (`unknown`).
 */
export interface YearAggregate {
  aggregate: Aggregate | null;
  unknown: boolean;
}

/** The value for one calendar year, from the entries known on `asOf`; null when there is none or it is unknown. */
export function aggregateYear(
  def: AggregationDef,
  entries: readonly AchievedEntry[],
  period: PeriodDef,
  year: number,
  asOf: string,
): Aggregate | null {
  return yearAggregate(def, entries, period, year, asOf).aggregate;
}

/**
 * The value for one calendar year, from the entries known on `asOf`, telling an unknown value
 * apart from a missing one.
 *
 * A running total includes every earlier year, so the year's own part is the latest running total
 * in the year minus the latest one before it. With no running total before the year, that part
 * is only the running total itself in the first reporting year (the funding period starts inside
 * it, or on its 1 January). In a later year the earlier growth was simply not entered: a source
 * that gives only a total for the whole operation, entered once for its last year, must not be
 * reported as that year's achievement, so the year's value is unknown (the value to date is not).
 */
export function yearAggregate(
  def: AggregationDef,
  entries: readonly AchievedEntry[],
  period: PeriodDef,
  year: number,
  asOf: string,
): YearAggregate {
  const counted = entries.filter((e) => countsBy(e, period, asOf));
  const inYear = counted.filter((e) => entryYear(e) === year);
  if (def.aggregation === 'sum') return known(combine(inYear.map((e) => entryAggregate(e, def.isShare)), def.isShare));

  const last = latestEntry(inYear);
  if (!last) return known(null);
  const current = entryAggregate(last, def.isShare);
  if (def.aggregation === 'latest' || def.isShare) return known(current);

  const before = latestEntry(counted.filter((e) => entryYear(e) < year));
  if (!before) {
    const firstYear = period.startDate >= `${year}-01-01`;
    return firstYear ? known(current) : { aggregate: null, unknown: true };
  }
  const previous = entryAggregate(before, false).value;
  return known({ value: current.value.minus(previous), numerator: null, denominator: null });
}

function known(aggregate: Aggregate | null): YearAggregate {
  return { aggregate, unknown: false };
}

export interface PartsExcess {
  what: 'value' | 'numerator' | 'denominator';
  parts: Decimal;
  total: Decimal;
}

/**
 * Where parts add up to more than their total. Shares are compared by counts, since percentages
 * of parts do not add up to the total's percentage; without counts there is nothing to compare.
 */
export function excessOfParts(parts: readonly Aggregate[], total: Aggregate | null, isShare: boolean): PartsExcess[] {
  if (!total || parts.length === 0) return [];
  if (!isShare) {
    const sum = sumOf(parts.map((p) => p.value));
    return sum.gt(total.value) ? [{ what: 'value', parts: sum, total: total.value }] : [];
  }
  if (total.numerator === null || total.denominator === null) return [];
  if (parts.some((p) => p.numerator === null || p.denominator === null)) return [];
  const excess: PartsExcess[] = [];
  const numerators = sumOf(parts.map((p) => p.numerator as Decimal));
  const denominators = sumOf(parts.map((p) => p.denominator as Decimal));
  if (numerators.gt(total.numerator)) excess.push({ what: 'numerator', parts: numerators, total: total.numerator });
  if (denominators.gt(total.denominator)) {
    excess.push({ what: 'denominator', parts: denominators, total: total.denominator });
  }
  return excess;
}

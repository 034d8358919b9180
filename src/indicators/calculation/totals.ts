import { aggregateToDate, combine, countsBy, yearAggregate, type YearAggregate } from './aggregate';
import type { AchievedEntry, Aggregate, IndicatorDef, PeriodDef } from './types';

type AggregationDef = Pick<IndicatorDef, 'aggregation' | 'isShare'>;

/** Where an indicator's total comes from: its own total entries, or the sum of partners' parts. */
export type TotalSource = 'entries' | 'parts' | 'none';

export function isTotalEntry(entry: AchievedEntry): boolean {
  return entry.partnerId === null && entry.dimension === null;
}

export function isPartnerEntry(entry: AchievedEntry): boolean {
  return entry.partnerId !== null && entry.dimension === null;
}

/** A partner's entries, by partner id in ascending order. */
export function entriesByPartner(entries: readonly AchievedEntry[]): Map<number, AchievedEntry[]> {
  const groups = new Map<number, AchievedEntry[]>();
  for (const entry of entries) {
    if (!isPartnerEntry(entry)) continue;
    const id = entry.partnerId as number;
    const group = groups.get(id);
    if (group) group.push(entry);
    else groups.set(id, [entry]);
  }
  // Most indicators have no partners' parts, or one partner: nothing to sort.
  if (groups.size < 2) return groups;
  return new Map([...groups.entries()].sort(([a], [b]) => a - b));
}

/**
 * Decided once per indicator from what is known on asOf, not per year: mixing the two sources
 * across years would add a partnership total to partners' parts and count the same work twice.
 */
export function totalSource(entries: readonly AchievedEntry[], period: PeriodDef, asOf: string): TotalSource {
  const known = entries.filter((e) => countsBy(e, period, asOf));
  if (known.some(isTotalEntry)) return 'entries';
  if (known.some(isPartnerEntry)) return 'parts';
  return 'none';
}

/**
 * The total for the year, telling an unknown value (see `yearAggregate`) apart from a missing one.
 * From parts, one partner's unknown part makes the total unknown: the other parts alone would
 * understate it.
 */
export function yearTotal(
  def: AggregationDef,
  entries: readonly AchievedEntry[],
  period: PeriodDef,
  year: number,
  asOf: string,
  source: TotalSource,
): YearAggregate {
  if (source === 'entries') return yearAggregate(def, entries.filter(isTotalEntry), period, year, asOf);
  if (source === 'none') return { aggregate: null, unknown: false };
  const parts = [...entriesByPartner(entries).values()].map((group) => yearAggregate(def, group, period, year, asOf));
  if (parts.some((p) => p.unknown)) return { aggregate: null, unknown: true };
  const known = parts.map((p) => p.aggregate).filter((a): a is Aggregate => a !== null);
  return { aggregate: combine(known, def.isShare), unknown: false };
}

export function totalToDate(
  def: AggregationDef,
  entries: readonly AchievedEntry[],
  period: PeriodDef,
  cutOff: string,
  source: TotalSource,
): Aggregate | null {
  if (source === 'entries') return aggregateToDate(def, entries.filter(isTotalEntry), period, cutOff);
  if (source === 'none') return null;
  const parts = [...entriesByPartner(entries).values()].map((group) => aggregateToDate(def, group, period, cutOff));
  return combine(parts.filter((p): p is Aggregate => p !== null), def.isShare);
}

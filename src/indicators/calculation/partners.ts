import type Decimal from 'decimal.js';
import { formatNumber } from '../../common/format/format';
import { aggregateToDate, aggregateYear, excessOfParts, type PartsExcess } from './aggregate';
import { minDate, yearWindow } from './periods';
import { periodTarget, yearTarget } from './targets';
import { entriesByPartner } from './totals';
import type { AchievedEntry, Aggregate, IndicatorDef, PeriodDef, TargetEntry } from './types';

/** A figure in a Slovene message: `22.830`, `250.109,76`. */
const sl = (d: Decimal) => formatNumber(d.toString(), { lang: 'sl' });

/** One partner's part of an indicator in a year ("od tega Društvo NOVUS – 42"). */
export interface PartnerFigures {
  partnerId: number;
  planned: Decimal | null;
  plannedTotal: Decimal | null;
  achieved: Aggregate | null;
  achievedToDate: Aggregate | null;
}

export interface PartnerInput {
  indicator: Pick<IndicatorDef, 'aggregation' | 'isShare'>;
  achieved: readonly AchievedEntry[];
  targets: readonly TargetEntry[];
  period: PeriodDef;
  year: number;
  asOf: string;
}

/**
 * Every partner with a figure for the year (a target or an achieved value), by partner id. A
 * partner's year value follows the indicator's rule, so a partner's running total first entered
 * in a later year of the funding period gives a year value of null and a value to date.
 */
export function partnerFigures(input: PartnerInput): PartnerFigures[] {
  const groups = entriesByPartner(input.achieved);
  const ids = new Set<number>(groups.keys());
  for (const t of input.targets) if (t.partnerId !== null) ids.add(t.partnerId);
  const cutOff = minDate(yearWindow(input.period, input.year).end, input.asOf);

  return [...ids]
    .sort((a, b) => a - b)
    .map((partnerId) => {
      const entries = groups.get(partnerId) ?? [];
      return {
        partnerId,
        planned: yearTarget(input.targets, input.year, partnerId),
        plannedTotal: periodTarget(input.targets, partnerId, input.year),
        achieved: aggregateYear(input.indicator, entries, input.period, input.year, input.asOf),
        achievedToDate: aggregateToDate(input.indicator, entries, input.period, cutOff),
      };
    })
    .filter((p) => p.planned !== null || p.plannedTotal !== null || p.achieved !== null || p.achievedToDate !== null);
}

export interface PartnerTotals {
  achieved: Aggregate | null;
  /** True when the total's year value is unknown, not missing (see `yearAggregate`); absent means false. */
  achievedUnknown?: boolean;
  achievedToDate: Aggregate | null;
  fromParts: boolean;
}

const YEAR_MESSAGES: Record<PartsExcess['what'], (e: PartsExcess) => string> = {
  value: (e) => `Vsota deležev partnerjev (${sl(e.parts)}) presega skupno vrednost (${sl(e.total)}).`,
  numerator: (e) => `Vsota števcev partnerjev (${sl(e.parts)}) presega skupni števec (${sl(e.total)}).`,
  denominator: (e) =>
    `Vsota imenovalcev partnerjev (${sl(e.parts)}) presega skupni imenovalec (${sl(e.total)}).`,
};

const TO_DATE_MESSAGES: Record<PartsExcess['what'], (e: PartsExcess) => string> = {
  value: (e) =>
    `Kumulativna vsota deležev partnerjev (${sl(e.parts)}) ` +
    `presega kumulativno skupno vrednost (${sl(e.total)}).`,
  numerator: (e) =>
    `Kumulativna vsota števcev partnerjev (${sl(e.parts)}) ` +
    `presega kumulativni skupni števec (${sl(e.total)}).`,
  denominator: (e) =>
    `Kumulativna vsota imenovalcev partnerjev (${sl(e.parts)}) ` +
    `presega kumulativni skupni imenovalec (${sl(e.total)}).`,
};

/**
 * Parts adding up to less than the total is normal (not every partner reports); more than the
 * total means a figure is wrong, and a report must not carry it silently. The to-date check
 * catches running totals whose yearly growth looks fine while the levels do not.
 */
export function partnerWarning(
  indicator: Pick<IndicatorDef, 'isShare'>,
  year: number,
  totals: PartnerTotals,
  parts: readonly PartnerFigures[],
): string | null {
  if (totals.fromParts) return null;
  const yearParts = parts.map((p) => p.achieved).filter((a): a is Aggregate => a !== null);
  // An unknown year total was entered (as a running total): only the to-date levels can be compared.
  if (totals.achieved === null && !totals.achievedUnknown && yearParts.length > 0) {
    return `Za leto ${year} so vneseni deleži partnerjev, skupna vrednost pa ne.`;
  }
  const inYear = excessOfParts(yearParts, totals.achieved, indicator.isShare);
  if (inYear.length > 0) return inYear.map((e) => YEAR_MESSAGES[e.what](e)).join(' ');

  const toDateParts = parts.map((p) => p.achievedToDate).filter((a): a is Aggregate => a !== null);
  const toDate = excessOfParts(toDateParts, totals.achievedToDate, indicator.isShare);
  if (toDate.length > 0) return toDate.map((e) => TO_DATE_MESSAGES[e.what](e)).join(' ');
  return null;
}

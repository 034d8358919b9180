import type Decimal from 'decimal.js';
import type { IndicatorStatus } from '../indicator-summary.types';
import { isIsoDate } from '../../projects/reporting-years';
import { achievementPercent } from './achievement';
import { dimensionBreakdown, type DimensionFigures } from './dimensions';
import { explanationOfDeviationsRequired } from './explanations';
import { forecastToEnd, type ForecastResult } from './forecast';
import { partnerFigures, partnerWarning } from './partners';
import { minDate, yearWindow } from './periods';
import { indicatorStatus } from './status';
import { lastYearTarget, periodTarget, sumOfYearTargets, yearTarget } from './targets';
import { totalSource, totalToDate, yearTotal } from './totals';
import type { AchievedEntry, Aggregate, IndicatorDef, PeriodDef, TargetEntry, Thresholds } from './types';

export interface SummarizeInput {
  indicator: IndicatorDef;
  achieved: readonly AchievedEntry[];
  targets: readonly TargetEntry[];
  period: PeriodDef;
  year: number;
  /** The evaluation date: entries whose period starts later are not known yet. */
  asOf: string;
  thresholds: Thresholds;
  hasExplanation: boolean;
}

export interface PartnerResult {
  partnerId: number;
  planned: Decimal | null;
  plannedTotal: Decimal | null;
  achieved: Decimal | null;
  numerator: Decimal | null;
  denominator: Decimal | null;
  achievedToDate: Decimal | null;
}

/** Exact figures of one indicator for one year; the service maps them to `IndicatorSummary`. */
export interface IndicatorCalculation {
  indicatorId: number;
  year: number;
  planned: Decimal | null;
  plannedTotal: Decimal | null;
  /** The year's value; null when nothing was recorded in the year or when it is unknown. */
  achieved: Decimal | null;
  /**
   * True when the year's value is unknown rather than missing: a running total first entered in a
   * later year of the funding period, whose growth before the year was never entered.
   */
  achievedUnknown: boolean;
  achievedToDate: Decimal | null;
  numerator: Decimal | null;
  denominator: Decimal | null;
  numeratorToDate: Decimal | null;
  denominatorToDate: Decimal | null;
  achievementPercent: Decimal | null;
  status: IndicatorStatus;
  totalFromParts: boolean;
  partners: PartnerResult[];
  partnerWarning: string | null;
  dimensions: DimensionFigures[];
  forecast: ForecastResult;
  explanationRequired: boolean;
  explanationMissing: boolean;
}

/** Dates already found to be calendar dates (a portfolio checks the same few for every indicator). */
const checkedDates = new Set<string>();

function checkDate(name: string, date: string): void {
  if (checkedDates.has(date)) return;
  if (!isIsoDate(date)) throw new RangeError(`${name} is not a calendar date: ${date}`);
  if (checkedDates.size >= 10_000) checkedDates.clear();
  checkedDates.add(date);
}

/** The headline of one indicator's year: what a portfolio export shows, and what the rest builds on. */
export interface IndicatorHeadline {
  planned: Decimal | null;
  plannedTotal: Decimal | null;
  achieved: Aggregate | null;
  achievedUnknown: boolean;
  achievedToDate: Aggregate | null;
  /** The day `achievedToDate` is taken on: the year's end, or asOf if earlier. */
  toDateCutOff: string;
  achievementPercent: Decimal | null;
  measuredAgainst: 'year' | 'period' | null;
  status: IndicatorStatus;
  source: ReturnType<typeof totalSource>;
}

/**
 * Planned, achieved, achievement and status alone, exactly as `summarizeIndicator` has them (it
 * starts from this): no partners, dimensions, forecast or explanation.
 */
export function indicatorHeadline(input: SummarizeInput): IndicatorHeadline {
  const { indicator, period, year, asOf } = input;
  checkDate('period.startDate', period.startDate);
  checkDate('period.endDate', period.endDate);
  checkDate('asOf', asOf);
  const yearEnd = yearWindow(period, year).end;

  const source = totalSource(input.achieved, period, asOf);
  const { aggregate: achieved, unknown: achievedUnknown } = yearTotal(
    indicator,
    input.achieved,
    period,
    year,
    asOf,
    source,
  );
  const toDateCutOff = minDate(yearEnd, asOf);
  const achievedToDate = totalToDate(indicator, input.achieved, period, toDateCutOff, source);

  const planned = yearTarget(input.targets, year, null);
  const plannedTotal = periodTarget(input.targets, null, year);
  // Without a year target, or without a known year value to hold against it, the whole-period
  // target is the yardstick, measured by the value to date.
  const measuredAgainst = planned !== null && !achievedUnknown ? 'year' : plannedTotal !== null ? 'period' : null;
  const percent =
    measuredAgainst === 'year'
      ? achievementPercent(achieved, planned)
      : measuredAgainst === 'period'
        ? achievementPercent(achievedToDate, plannedTotal)
        : null;
  const status = indicatorStatus({
    indicator,
    planned,
    plannedTotal,
    achieved,
    achievedUnknown,
    achievedToDate,
    period,
    year,
    asOf,
    thresholds: input.thresholds,
  });
  return { planned, plannedTotal, achieved, achievedUnknown, achievedToDate, toDateCutOff, achievementPercent: percent, measuredAgainst, status, source };
}

export function summarizeIndicator(input: SummarizeInput): IndicatorCalculation {
  const { indicator, period, year, asOf } = input;
  const { planned, plannedTotal, achieved, achievedUnknown, achievedToDate, toDateCutOff, achievementPercent: percent, measuredAgainst, status, source } = indicatorHeadline(input);
  const totalFromParts = source === 'parts';

  const partners = partnerFigures({ indicator, achieved: input.achieved, targets: input.targets, period, year, asOf });
  const accumulates = !indicator.isShare && indicator.aggregation !== 'latest';
  const forecast = forecastToEnd({
    indicator,
    // The forecast looks at everything known on asOf, also when the reported year is an earlier one.
    toDate: toDateOn(input, source, achievedToDate, toDateCutOff, minDate(asOf, period.endDate)),
    period,
    asOf,
    // A sum of year targets stands in only when every reporting year has one (see sumOfYearTargets).
    target:
      plannedTotal ??
      (accumulates ? sumOfYearTargets(input.targets, period, null) : lastYearTarget(input.targets, period, null)),
  });

  const required = explanationOfDeviationsRequired({
    measuredAgainst,
    achievementPercent: percent,
    status,
    period,
    year,
    asOf,
    thresholds: input.thresholds,
  });

  return {
    indicatorId: indicator.id,
    year,
    planned,
    plannedTotal,
    achieved: achieved?.value ?? null,
    achievedUnknown,
    achievedToDate: achievedToDate?.value ?? null,
    numerator: achieved?.numerator ?? null,
    denominator: achieved?.denominator ?? null,
    numeratorToDate: achievedToDate?.numerator ?? null,
    denominatorToDate: achievedToDate?.denominator ?? null,
    achievementPercent: percent,
    status,
    totalFromParts,
    partners: partners.map((p) => ({
      partnerId: p.partnerId,
      planned: p.planned,
      plannedTotal: p.plannedTotal,
      ...flatten(p.achieved),
      achievedToDate: p.achievedToDate?.value ?? null,
    })),
    partnerWarning: partnerWarning(
      indicator,
      year,
      { achieved, achievedUnknown, achievedToDate, fromParts: totalFromParts },
      partners,
    ),
    dimensions: dimensionBreakdown({ indicator, achieved: input.achieved, period, year, asOf, total: achieved }),
    forecast,
    explanationRequired: required,
    explanationMissing: required && !input.hasExplanation,
  };
}

/**
 * The value to date on `cutOff`, which is `known` (taken on `knownCutOff`, no later than `cutOff`)
 * when no entry begins between the two days: the same entries count on both (`countsBy`), so
 * `totalToDate` would add up the same again. A past year's summary, whose entries end with the
 * year, saves working out the whole period a second time for every indicator.
 */
function toDateOn(input: SummarizeInput, source: ReturnType<typeof totalSource>, known: Aggregate | null, knownCutOff: string, cutOff: string): Aggregate | null {
  if (cutOff === knownCutOff || !input.achieved.some((e) => e.periodStart > knownCutOff && e.periodStart <= cutOff)) return known;
  return totalToDate(input.indicator, input.achieved, input.period, cutOff, source);
}

function flatten(a: Aggregate | null): Pick<PartnerResult, 'achieved' | 'numerator' | 'denominator'> {
  return { achieved: a?.value ?? null, numerator: a?.numerator ?? null, denominator: a?.denominator ?? null };
}

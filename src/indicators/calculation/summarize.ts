import type Decimal from 'decimal.js';
import type { IndicatorStatus } from '../indicator-summary.types';
import { isIsoDate } from '../../projects/reporting-years';
import { achievementPercent } from './achievement';
import { dimensionBreakdown, type DimensionFigures } from './dimensions';
import { explanationRequired } from './explanations';
import { forecastToEnd, type ForecastResult } from './forecast';
import { partnerFigures, partnerWarning } from './partners';
import { minDate, yearWindow } from './periods';
import { indicatorStatus } from './status';
import { lastYearTarget, periodTarget, sumOfYearTargets, yearTarget } from './targets';
import { totalForYear, totalSource, totalToDate } from './totals';
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
  achieved: Decimal | null;
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

export function summarizeIndicator(input: SummarizeInput): IndicatorCalculation {
  const { indicator, period, year, asOf } = input;
  const dates = { 'period.startDate': period.startDate, 'period.endDate': period.endDate, asOf };
  for (const [name, date] of Object.entries(dates)) {
    if (!isIsoDate(date)) throw new RangeError(`${name} is not a calendar date: ${date}`);
  }
  const yearEnd = yearWindow(period, year).end;

  const source = totalSource(input.achieved, period, asOf);
  const achieved = totalForYear(indicator, input.achieved, period, year, asOf, source);
  const achievedToDate = totalToDate(indicator, input.achieved, period, minDate(yearEnd, asOf), source);
  const totalFromParts = source === 'parts';

  const planned = yearTarget(input.targets, year, null);
  const plannedTotal = periodTarget(input.targets, null, year);
  // Without a year target the whole-period target is the yardstick, measured by the value to date.
  const percent =
    planned !== null ? achievementPercent(achieved, planned) : achievementPercent(achievedToDate, plannedTotal);
  const status = indicatorStatus({
    indicator,
    planned,
    plannedTotal,
    achieved,
    achievedToDate,
    period,
    year,
    asOf,
    thresholds: input.thresholds,
  });

  const partners = partnerFigures({ indicator, achieved: input.achieved, targets: input.targets, period, year, asOf });
  const accumulates = !indicator.isShare && indicator.aggregation !== 'latest';
  const forecast = forecastToEnd({
    indicator,
    // The forecast looks at everything known on asOf, also when the reported year is an earlier one.
    toDate: totalToDate(indicator, input.achieved, period, minDate(asOf, period.endDate), source),
    period,
    asOf,
    target:
      plannedTotal ??
      (accumulates ? sumOfYearTargets(input.targets, period, null) : lastYearTarget(input.targets, period, null)),
  });

  // A missed target with no percentage to show (no value at all, or a target of 0) needs words too.
  const required =
    explanationRequired(percent, input.thresholds) || (status === 'not_met' && percent === null);

  return {
    indicatorId: indicator.id,
    year,
    planned,
    plannedTotal,
    achieved: achieved?.value ?? null,
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
    partnerWarning: partnerWarning(indicator, year, { achieved, achievedToDate, fromParts: totalFromParts }, partners),
    dimensions: dimensionBreakdown({ indicator, achieved: input.achieved, period, year, asOf, total: achieved }),
    forecast,
    explanationRequired: required,
    explanationMissing: required && !input.hasExplanation,
  };
}

function flatten(a: Aggregate | null): Pick<PartnerResult, 'achieved' | 'numerator' | 'denominator'> {
  return { achieved: a?.value ?? null, numerator: a?.numerator ?? null, denominator: a?.denominator ?? null };
}

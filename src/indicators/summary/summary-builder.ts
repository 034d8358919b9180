import { toJsonNumber, summarizeIndicator, IndicatorCalculation, PeriodDef, Thresholds } from '../calculation';
import type { FundingPeriod } from '../../projects/entities/funding-period.entity';
import type { AchievedValue } from '../entities/achieved-value.entity';
import type { DeviationExplanation } from '../entities/deviation-explanation.entity';
import { Indicator, isShareIndicator } from '../entities/indicator.entity';
import type { Target } from '../entities/target.entity';
import type { IndicatorSummary } from '../indicator-summary.types';

/** Everything the summaries of a set of projects need, loaded beforehand in a fixed number of queries. */
export interface SummaryData {
  indicators: Indicator[];
  fundingPeriods: FundingPeriod[];
  targets: Target[];
  achieved: AchievedValue[];
  explanations: DeviationExplanation[];
  organisationNames: Map<number, string>;
}

/** The funding periods overlapping a year, newest first. */
export function periodsForYear(periods: readonly FundingPeriod[], year: number): FundingPeriod[] {
  return periods
    .filter((p) => p.startDate <= `${year}-12-31` && p.endDate >= `${year}-01-01`)
    .sort((a, b) => (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : b.id - a.id));
}

/**
 * The funding period (contract) a year is summarised under. When a contract is renewed mid-year,
 * each contract reports its own part of the year against its own plan; without a choice the newest
 * one is taken, and `fundingPeriodId` picks the other.
 */
export function periodForYear(periods: readonly FundingPeriod[], year: number, fundingPeriodId?: number): FundingPeriod | null {
  const overlapping = periodsForYear(periods, year);
  if (fundingPeriodId === undefined) return overlapping[0] ?? null;
  return overlapping.find((p) => p.id === fundingPeriodId) ?? null;
}

/**
 * Indicator summaries per project id, for the projects whose funding periods cover `year`. Targets
 * count under their own funding period (or under every one, when they name none).
 */
export function buildSummaries(
  data: SummaryData,
  year: number,
  asOf: string,
  thresholds: Thresholds,
  fundingPeriodId?: number,
): Map<number, IndicatorSummary[]> {
  const byIndicator = <T extends { indicatorId: number }>(rows: T[]) => {
    const map = new Map<number, T[]>();
    for (const row of rows) map.set(row.indicatorId, [...(map.get(row.indicatorId) ?? []), row]);
    return map;
  };
  const targets = byIndicator(data.targets);
  const achieved = byIndicator(data.achieved);
  const explanations = new Map(data.explanations.filter((e) => e.year === year).map((e) => [e.indicatorId, e.text]));
  const periods = new Map<number, FundingPeriod[]>();
  for (const p of data.fundingPeriods) periods.set(p.projectId, [...(periods.get(p.projectId) ?? []), p]);

  const result = new Map<number, IndicatorSummary[]>();
  for (const indicator of data.indicators) {
    const period = periodForYear(periods.get(indicator.projectId) ?? [], year, fundingPeriodId);
    if (!period) continue;
    const ownTargets = (targets.get(indicator.id) ?? []).filter((t) => t.fundingPeriodId === null || t.fundingPeriodId === period.id);
    const calculation = summarizeIndicator({
      indicator: { id: indicator.id, aggregation: indicator.aggregation, direction: indicator.direction, isShare: isShareIndicator(indicator), dimensions: indicator.dimensions },
      achieved: (achieved.get(indicator.id) ?? []).map((v) => ({ ...v, partnerId: v.partnerOrganisationId })),
      targets: ownTargets.map((t) => ({ ...t, partnerId: t.partnerOrganisationId })),
      period: period as PeriodDef,
      year,
      asOf,
      thresholds,
      hasExplanation: explanations.has(indicator.id),
    });
    const summary = toSummary(indicator, calculation, explanations.get(indicator.id) ?? null, data.organisationNames);
    result.set(indicator.projectId, [...(result.get(indicator.projectId) ?? []), summary]);
  }
  return result;
}

/** The JSON shape: plain numbers in the indicator's unit, rounded half-up to two decimals. */
export function toSummary(indicator: Indicator, c: IndicatorCalculation, explanation: string | null, names: Map<number, string>): IndicatorSummary {
  const n = toJsonNumber;
  return {
    indicatorId: indicator.id,
    code: indicator.code,
    name: indicator.name,
    nameEn: indicator.nameEn,
    kind: indicator.kind,
    unit: indicator.unit,
    unitLabel: indicator.unitLabel,
    direction: indicator.direction,
    aggregation: indicator.aggregation,
    isShare: isShareIndicator(indicator),
    resultArea: indicator.resultArea ? { id: indicator.resultArea.id, code: indicator.resultArea.code, name: indicator.resultArea.name } : null,
    baseline: indicator.baselineValue === null ? null : Number(indicator.baselineValue),
    baselineYear: indicator.baselineYear,
    planned: n(c.planned),
    plannedTotal: n(c.plannedTotal),
    achieved: n(c.achieved),
    achievedToDate: n(c.achievedToDate),
    achievementPercent: n(c.achievementPercent),
    status: c.status,
    numerator: n(c.numerator),
    denominator: n(c.denominator),
    numeratorToDate: n(c.numeratorToDate),
    denominatorToDate: n(c.denominatorToDate),
    partners: c.partners.map((p) => ({
      organisationId: p.partnerId,
      organisationName: names.get(p.partnerId) ?? `#${p.partnerId}`,
      planned: n(p.planned),
      achieved: n(p.achieved),
      numerator: n(p.numerator),
      denominator: n(p.denominator),
    })),
    partnerWarning: c.partnerWarning,
    dimensions: c.dimensions.map((d) => ({
      dimension: d.dimension,
      parts: d.parts.map((p) => ({ value: p.value, achieved: n(p.achieved) ?? 0 })),
      exceedsTotal: d.exceedsTotal,
    })),
    forecast: { valueAtEnd: n(c.forecast.valueAtEnd), target: n(c.forecast.target), willMeetTarget: c.forecast.willMeetTarget, method: c.forecast.method },
    explanation,
    explanationMissing: c.explanationMissing,
  };
}

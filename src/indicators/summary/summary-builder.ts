import { toJsonNumber, indicatorHeadline, summarizeIndicator, IndicatorCalculation, AchievedEntry, PeriodDef, SummarizeInput, TargetEntry, Thresholds } from '../calculation';
import { sumOfTexts } from '../calculation/decimals';
import type { IndicatorStatus, IndicatorSummary } from '../indicator-summary.types';
import type {
  AchievedGroupRow,
  AchievedRow,
  ExplanationRow,
  HeadlineGroupRow,
  HeadlineIndicatorRow,
  HeadlineTargetRow,
  IndicatorRow,
  PeriodRow,
  TargetRow,
} from './summary-rows.repository';
import { groupBy } from '../../common/group-by';

/** Everything the summaries of a set of projects need, loaded beforehand in a fixed number of queries. */
export interface SummaryData {
  indicators: IndicatorRow[];
  fundingPeriods: PeriodRow[];
  targets: TargetRow[];
  achievedGroups: AchievedGroupRow[];
  achievedShareSums: AchievedRow[];
  explanations: ExplanationRow[];
  organisationNames: Map<number, string>;
}

type Period = Pick<PeriodRow, 'id' | 'startDate' | 'endDate'>;

/** The funding periods overlapping a year, newest first. */
export function periodsForYear<P extends Period>(periods: readonly P[], year: number): P[] {
  return periods
    .filter((p) => p.startDate <= `${year}-12-31` && p.endDate >= `${year}-01-01`)
    .sort((a, b) => (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : b.id - a.id));
}

/**
 * The funding period (contract) a year is summarised under. When a contract is renewed mid-year,
 * each contract reports its own part of the year against its own plan; without a choice the newest
 * one is taken, and `fundingPeriodId` picks the other. (The summary queries choose the same one in SQL.)
 */
export function periodForYear<P extends Period>(periods: readonly P[], year: number, fundingPeriodId?: number): P | null {
  const overlapping = periodsForYear(periods, year);
  if (fundingPeriodId === undefined) return overlapping[0] ?? null;
  return overlapping.find((p) => p.id === fundingPeriodId) ?? null;
}

interface OrderedEntry extends AchievedEntry {
  /** Where the entry stands in entry order (periodStart, then id). */
  orderStart: string;
  orderId: number;
}

/**
 * A group of achieved values as the one entry that stands for it in the calculation core: for a
 * sum, the exact sum of the group's values (decimal.js; SQLite could only add them as floats); for
 * "latest" and running totals, the entry that counts. The core applies its own rules to these
 * entries exactly as to the stored ones: every value in a group counts or none does, a sum of
 * sums is the sum, and the latest of the latest is the latest.
 */
export function groupEntry(g: AchievedGroupRow): OrderedEntry {
  // Spelled out rather than spread from a common part: V8 builds a spread copy several times slower.
  const sum = g.sumValues !== null;
  return {
    periodStart: sum ? g.firstStart : g.latestStart!,
    periodEnd: sum ? g.lastEnd : g.latestEnd!,
    partnerId: g.partnerOrganisationId,
    dimension: g.dimension,
    dimensionValue: g.dimensionValue,
    value: sum ? sumOfTexts(g.sumValues!.split(',')) : g.latestValue!,
    numerator: sum ? null : g.latestNumerator,
    denominator: sum ? null : g.latestDenominator,
    orderStart: g.firstStart,
    orderId: Number(g.firstId),
  };
}

function rowEntry(r: AchievedRow): OrderedEntry {
  return {
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    partnerId: r.partnerOrganisationId,
    dimension: r.dimension,
    dimensionValue: r.dimensionValue,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    orderStart: r.periodStart,
    orderId: Number(r.id),
  };
}

const byEntryOrder = (a: OrderedEntry, b: OrderedEntry) => (a.orderStart < b.orderStart ? -1 : a.orderStart > b.orderStart ? 1 : a.orderId - b.orderId);

/** The calculation core's input for each indicator of a project whose funding periods cover `year`. */
function* calculationInputs(
  data: Omit<SummaryData, 'explanations' | 'organisationNames'> & { explanations?: SummaryData['explanations'] },
  year: number,
  asOf: string,
  thresholds: Thresholds,
  fundingPeriodId?: number,
): Generator<{ indicator: IndicatorRow; input: SummarizeInput }> {
  const targets = groupBy(data.targets, (t) => t.indicatorId);
  const entries = new Map<number, OrderedEntry[]>();
  for (const g of data.achievedGroups) push(entries, g.indicatorId, groupEntry(g));
  for (const r of data.achievedShareSums) push(entries, r.indicatorId, rowEntry(r));
  const explained = new Set((data.explanations ?? []).map((e) => e.indicatorId));
  // One contract per project, not per indicator.
  const chosen = chosenPeriods(data.fundingPeriods, year, fundingPeriodId);
  for (const indicator of data.indicators) {
    const period = chosen.get(indicator.projectId);
    if (!period) continue;
    const ownTargets: TargetEntry[] = [];
    for (const t of targets.get(indicator.id) ?? []) {
      if (t.fundingPeriodId === null || t.fundingPeriodId === period.id) ownTargets.push({ year: t.year, partnerId: t.partnerOrganisationId, value: t.value, validFrom: t.validFrom });
    }
    yield {
      indicator,
      input: {
        indicator: calculationDef(indicator),
        achieved: (entries.get(indicator.id) ?? []).sort(byEntryOrder),
        targets: ownTargets,
        period: period as PeriodDef,
        year,
        asOf,
        thresholds,
        hasExplanation: explained.has(indicator.id),
      },
    };
  }
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
  const explanations = new Map(data.explanations.map((e) => [e.indicatorId, e.text]));
  const result = new Map<number, IndicatorSummary[]>();
  for (const { indicator, input } of calculationInputs(data, year, asOf, thresholds, fundingPeriodId)) {
    const calculation = summarizeIndicator(input);
    push(result, indicator.projectId, toSummary(indicator, calculation, explanations.get(indicator.id) ?? null, data.organisationNames));
  }
  return result;
}

/** An indicator's headline figures for a year, as the portfolio export lists them. */
export interface IndicatorHeadlineRow {
  indicator: HeadlineIndicatorRow;
  planned: number | null;
  achieved: number | null;
  achievementPercent: number | null;
  status: IndicatorStatus;
}

/** What the headlines of a page of projects are computed from (see the repository's `headline*` reads). */
export interface HeadlineData {
  indicators: HeadlineIndicatorRow[];
  /** The contract each project's year is summarised under (`chosenPeriods`); a project without one is left out. */
  periods: Map<number, PeriodRow>;
  targets: HeadlineTargetRow[];
  groups: HeadlineGroupRow[];
}

/** The contract (`periodForYear`) of each project whose funding periods cover the year, by project id. */
export function chosenPeriods(periods: readonly PeriodRow[], year: number, fundingPeriodId?: number): Map<number, PeriodRow> {
  const chosen = new Map<number, PeriodRow>();
  for (const [projectId, list] of groupBy(periods, (p) => p.projectId)) {
    const period = periodForYear(list, year, fundingPeriodId);
    if (period) chosen.set(projectId, period);
  }
  return chosen;
}

/** A headline group as the one entry that stands for it in the calculation core (see `groupEntry`). */
export function headlineEntry(g: HeadlineGroupRow): AchievedEntry {
  const sum = g.sumValues !== null;
  return {
    periodStart: g.periodStart,
    periodEnd: g.periodEnd,
    partnerId: g.partnerOrganisationId,
    dimension: null,
    dimensionValue: null,
    value: sum ? sumOfTexts(g.sumValues!.split(',')) : g.value!,
    numerator: g.numerator,
    denominator: g.denominator,
  };
}

/**
 * The headline of every indicator (planned, achieved, achievement, status), per project id: the
 * same figures as `buildSummaries` (both start from the core's `indicatorHeadline`), without the
 * partners, dimensions, forecast and explanation an export does not show, and from only what the
 * headline reads: the partnership's targets of the year and of the period, and the groups of
 * entries that are not disaggregated. The groups' order does not matter to it: an indicator's
 * groups of the partnership, or of one partner, are of different years (no two tie as the latest),
 * and a sum adds up the same in any order.
 */
export function buildHeadlines(data: HeadlineData, year: number, asOf: string, thresholds: Thresholds): Map<number, IndicatorHeadlineRow[]> {
  const targets = groupBy(data.targets, (t) => t.indicatorId);
  const entries = new Map<number, AchievedEntry[]>();
  for (const g of data.groups) push(entries, g.indicatorId, headlineEntry(g));
  const result = new Map<number, IndicatorHeadlineRow[]>();
  for (const indicator of data.indicators) {
    const period = data.periods.get(indicator.projectId);
    if (!period) continue;
    const ownTargets: TargetEntry[] = [];
    for (const t of targets.get(indicator.id) ?? []) {
      if (t.fundingPeriodId === null || t.fundingPeriodId === period.id) ownTargets.push({ year: t.year, partnerId: null, value: t.value, validFrom: t.validFrom });
    }
    const h = indicatorHeadline({
      indicator: calculationDef(indicator),
      achieved: entries.get(indicator.id) ?? [],
      targets: ownTargets,
      period,
      year,
      asOf,
      thresholds,
      hasExplanation: false,
    });
    push(result, indicator.projectId, {
      indicator,
      planned: toJsonNumber(h.planned),
      achieved: toJsonNumber(h.achieved?.value ?? null),
      achievementPercent: toJsonNumber(h.achievementPercent),
      status: h.status,
    });
  }
  return result;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** An indicator as the calculation core defines it, for the summaries and the headlines alike. */
function calculationDef(indicator: HeadlineIndicatorRow): SummarizeInput['indicator'] {
  return { id: indicator.id, aggregation: indicator.aggregation, direction: indicator.direction, isShare: indicator.unit === 'percent', dimensions: parseDimensions(indicator.dimensions) };
}

function parseDimensions(text: string | string[]): string[] {
  if (Array.isArray(text)) return text;
  return text === '[]' ? [] : (JSON.parse(text) as string[]);
}

/** The JSON shape: plain numbers in the indicator's unit, rounded half-up to two decimals. */
export function toSummary(indicator: IndicatorRow, c: IndicatorCalculation, explanation: string | null, names: Map<number, string>): IndicatorSummary {
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
    isShare: indicator.unit === 'percent',
    resultArea: indicator.resultAreaId === null ? null : { id: indicator.resultAreaId, code: indicator.resultAreaCode!, name: indicator.resultAreaName! },
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

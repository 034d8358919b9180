/**
 * The JSON shape of one indicator's summary for a project year, as the API returns it and as the
 * report model is built from. Numbers are plain numbers in the indicator's unit (a share of
 * 40,32 % is 40.32), already rounded for presentation; the exact arithmetic happens before, in
 * `calculation/` with decimals.
 */
export type IndicatorKind = 'output' | 'result';
export type IndicatorUnit = 'persons' | 'events' | 'hours' | 'eur' | 'percent' | 'other';
export type Aggregation = 'sum' | 'cumulative' | 'latest';
export type Direction = 'at_least' | 'at_most';
/** How a source qualifies a figure: "vsaj 1.000", "približno 120", "več kot 47". */
export type ValueQualifier = 'at_least' | 'approximately' | 'more_than';
export const VALUE_QUALIFIERS: readonly ValueQualifier[] = ['at_least', 'approximately', 'more_than'];
export type IndicatorStatus = 'met' | 'on_track' | 'at_risk' | 'not_met' | 'no_target';

export interface PartnerPart {
  organisationId: number;
  organisationName: string;
  planned: number | null;
  achieved: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface DimensionPart {
  value: string;
  achieved: number;
}

export interface DimensionBreakdown {
  dimension: string;
  parts: DimensionPart[];
  /** True when the parts add up to more than the indicator's total. */
  exceedsTotal: boolean;
}

export interface Forecast {
  /** Projected value at the end of the funding period. */
  valueAtEnd: number | null;
  /**
   * The target it is compared with: the whole-period target; else the sum of the year targets when
   * every reporting year has one (the last year target for shares); else null.
   */
  target: number | null;
  willMeetTarget: boolean | null;
  method: 'linear' | 'latest' | 'none';
}

export interface IndicatorSummary {
  indicatorId: number;
  code: string;
  name: string;
  nameEn: string | null;
  kind: IndicatorKind;
  unit: IndicatorUnit;
  unitLabel: string | null;
  direction: Direction;
  aggregation: Aggregation;
  isShare: boolean;
  resultArea: { id: number; code: string; name: string } | null;
  baseline: number | null;
  baselineYear: number | null;
  /** Target for the year, when the plan has one. */
  planned: number | null;
  /** Target for the whole funding period, when the plan has one. */
  plannedTotal: number | null;
  achieved: number | null;
  achievedToDate: number | null;
  achievementPercent: number | null;
  status: IndicatorStatus;
  numerator: number | null;
  denominator: number | null;
  numeratorToDate: number | null;
  denominatorToDate: number | null;
  partners: PartnerPart[];
  /** Set when partners' parts add up to more than the total; says by how much, in Slovene. */
  partnerWarning: string | null;
  dimensions: DimensionBreakdown[];
  forecast: Forecast | null;
  explanation: string | null;
  explanationMissing: boolean;
}

import Decimal from 'decimal.js';
import type { SummarizeInput } from '../../../src/indicators/calculation/summarize';
import { DEFAULT_THRESHOLDS } from '../../../src/indicators/calculation/thresholds';
import type { AchievedEntry, Aggregate, IndicatorDef, PeriodDef, TargetEntry } from '../../../src/indicators/calculation/types';

/**
 * Small factories with overridable defaults for the calculation specs. Plain data, no jest, so
 * the file is harmless in a build; the funding periods are the real ones from the demo facts.
 */
export const AS_PERIOD: PeriodDef = { startDate: '2019-09-23', endDate: '2022-09-30' };
export const KCM_PERIOD: PeriodDef = { startDate: '2019-09-06', endDate: '2022-09-30' };

export function anIndicator(overrides: Partial<IndicatorDef> = {}): IndicatorDef {
  return { id: 1, aggregation: 'sum', direction: 'at_least', isShare: false, dimensions: [], ...overrides };
}

export function anEntry(overrides: Partial<AchievedEntry> = {}): AchievedEntry {
  return {
    periodStart: '2020-01-01',
    periodEnd: '2020-12-31',
    partnerId: null,
    dimension: null,
    dimensionValue: null,
    value: '0',
    numerator: null,
    denominator: null,
    ...overrides,
  };
}

/** A share entry carrying its counts and the stored percentage, like the API writes it. */
export function aShareEntry(
  numerator: number,
  denominator: number,
  overrides: Partial<AchievedEntry> = {},
): AchievedEntry {
  const value = new Decimal(numerator).times(100).div(denominator).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  return anEntry({ value, numerator: String(numerator), denominator: String(denominator), ...overrides });
}

export function aTarget(overrides: Partial<TargetEntry> = {}): TargetEntry {
  return { year: 2020, partnerId: null, value: '0', validFrom: '2019-09-23', ...overrides };
}

export function anAggregate(value: Decimal.Value, numerator?: Decimal.Value, denominator?: Decimal.Value): Aggregate {
  return {
    value: new Decimal(value),
    numerator: numerator === undefined ? null : new Decimal(numerator),
    denominator: denominator === undefined ? null : new Decimal(denominator),
  };
}

export function aSummaryInput(overrides: Partial<SummarizeInput> = {}): SummarizeInput {
  return {
    indicator: anIndicator(),
    achieved: [],
    targets: [],
    period: AS_PERIOD,
    year: 2020,
    asOf: '2021-01-15',
    thresholds: DEFAULT_THRESHOLDS,
    hasExplanation: false,
    ...overrides,
  };
}

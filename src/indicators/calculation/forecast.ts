import type Decimal from 'decimal.js';
import type { Forecast } from '../indicator-summary.types';
import { satisfies } from './compare';
import { elapsedFraction } from './periods';
import type { Aggregate, IndicatorDef, PeriodDef } from './types';

export interface ForecastResult {
  /** Projected value at the end of the funding period (exact; round only for display). */
  valueAtEnd: Decimal | null;
  /** What it is compared with: the whole-period target, or what stands in for it. */
  target: Decimal | null;
  willMeetTarget: boolean | null;
  method: Forecast['method'];
}

export interface ForecastInput {
  indicator: Pick<IndicatorDef, 'aggregation' | 'direction' | 'isShare'>;
  /** Everything recorded from the start of the funding period up to asOf. */
  toDate: Aggregate | null;
  period: PeriodDef;
  asOf: string;
  /**
   * What the end value is compared with, as `summarizeIndicator` chooses it: the whole-period
   * target; without one, for counts the sum of the year targets (only when every reporting year
   * has one, see `sumOfYearTargets`), for shares and states the last year target. null leaves
   * `target` and `willMeetTarget` null; the projection itself is still made.
   */
  target: Decimal | null;
}

function noForecast(): ForecastResult {
  return { valueAtEnd: null, target: null, willMeetTarget: null, method: 'none' };
}

/**
 * Where the indicator will stand at the end of the funding period. Counts are projected linearly
 * from the pace so far (to date / elapsed days × all days); shares and states are not a pace, so
 * the best estimate of their end value is the current one.
 */
export function forecastToEnd(input: ForecastInput): ForecastResult {
  if (input.toDate === null) return noForecast();
  const { elapsed, total } = elapsedFraction(input.period.startDate, input.period.endDate, input.asOf);
  if (elapsed.isZero()) return noForecast();

  const linear = !input.indicator.isShare && input.indicator.aggregation !== 'latest';
  const projected: Aggregate = linear
    ? { value: input.toDate.value.times(total).div(elapsed), numerator: null, denominator: null }
    : input.toDate;
  return {
    valueAtEnd: projected.value,
    target: input.target,
    willMeetTarget: input.target === null ? null : satisfies(input.indicator.direction, projected, input.target),
    method: linear ? 'linear' : 'latest',
  };
}

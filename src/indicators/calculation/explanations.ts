import type Decimal from 'decimal.js';
import type { IndicatorStatus } from '../indicator-summary.types';
import { scaledInteger } from './decimals';
import { minDate, yearWindow } from './periods';
import type { PeriodDef, Thresholds } from './types';

/**
 * Whether an achievement percentage departs from 100 % by more than the threshold, in either
 * direction, because ESS practice asks to explain a large over-achievement (a target set too low)
 * as well as a shortfall. It judges the rounded percentage, the one the funder sees. No
 * percentage, no departure. `explanationOfDeviationsRequired` decides when this matters.
 */
export function explanationRequired(
  achievementPercent: Decimal | null,
  thresholds: Pick<Thresholds, 'deviationThresholdPercent'>,
): boolean {
  if (achievementPercent === null) return false;
  // In whole hundredths when both are (the common case), as exact as the Decimals.
  const percent = scaledInteger(achievementPercent, 2);
  const threshold = scaledInteger(thresholds.deviationThresholdPercent, 2);
  if (percent !== undefined && threshold !== undefined) return Math.abs(percent - 10_000) > threshold;
  return achievementPercent.minus(100).abs().gt(thresholds.deviationThresholdPercent);
}

export interface ExplanationInput {
  /**
   * What `achievementPercent` measures: the year's value against the year target ('year'), the
   * value to date against the whole-period target ('period'), or nothing (null).
   */
  measuredAgainst: 'year' | 'period' | null;
  achievementPercent: Decimal | null;
  status: IndicatorStatus;
  period: PeriodDef;
  year: number;
  asOf: string;
  thresholds: Pick<Thresholds, 'deviationThresholdPercent'>;
}

/**
 * Whether the report for the year needs an explanation of deviations (obrazložitev odstopanj):
 * - against a year target, when the year's achievement departs beyond the threshold;
 * - against the whole-period target, only once the funding period has ended by the end of the
 *   reported year (min(asOf, year end) ≥ period end): before that, to date ÷ whole-period target
 *   is low by nature mid-period and says nothing about a deviation (the status, which accounts
 *   for elapsed time, does);
 * - a not_met status with no percentage to show (no value at all, a target of 0, or a year whose
 *   value is unknown) needs words too.
 */
export function explanationOfDeviationsRequired(input: ExplanationInput): boolean {
  if (input.status === 'not_met' && input.achievementPercent === null) return true;
  const departs = explanationRequired(input.achievementPercent, input.thresholds);
  if (input.measuredAgainst === 'year') return departs;
  if (input.measuredAgainst === 'period') {
    const evaluatedBy = minDate(input.asOf, yearWindow(input.period, input.year).end);
    return evaluatedBy >= input.period.endDate && departs;
  }
  return false;
}

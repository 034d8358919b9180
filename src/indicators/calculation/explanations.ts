import type Decimal from 'decimal.js';
import type { Thresholds } from './types';

/**
 * Whether the report needs an explanation of deviations (obrazložitev odstopanj): achievement
 * departs from 100 % by more than the threshold, in either direction, because ESS practice asks
 * to explain a large over-achievement (a target set too low) as well as a shortfall. It judges the
 * rounded percentage, the one the funder sees. No target, nothing to explain.
 */
export function explanationRequired(
  achievementPercent: Decimal | null,
  thresholds: Pick<Thresholds, 'deviationThresholdPercent'>,
): boolean {
  if (achievementPercent === null) return false;
  return achievementPercent.minus(100).abs().gt(thresholds.deviationThresholdPercent);
}

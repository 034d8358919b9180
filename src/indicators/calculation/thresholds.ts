import Decimal from 'decimal.js';
import type { Thresholds } from './types';

/**
 * ±15 % is TolaData's definition of "on track", the only published convention among comparable
 * systems. 10 % for explanations is a conservative default (ministries ask for an explanation of
 * deviations without fixing a number): a funder with a different rule sets its own value.
 */
export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  onTrackMarginPercent: new Decimal(15),
  deviationThresholdPercent: new Decimal(10),
});

/** Builds thresholds from configuration, refusing values that would make every status meaningless. */
export function makeThresholds(
  onTrackMarginPercent: Decimal.Value,
  deviationThresholdPercent: Decimal.Value,
): Thresholds {
  const margin = new Decimal(onTrackMarginPercent);
  const deviation = new Decimal(deviationThresholdPercent);
  if (!margin.isFinite() || margin.isNegative() || margin.gte(100)) {
    throw new RangeError(`onTrackMarginPercent must be at least 0 and below 100, got ${margin.toString()}`);
  }
  if (!deviation.isFinite() || deviation.isNegative()) {
    throw new RangeError(`deviationThresholdPercent must not be negative, got ${deviation.toString()}`);
  }
  return { onTrackMarginPercent: margin, deviationThresholdPercent: deviation };
}

import Decimal from 'decimal.js';
import { HUNDRED } from './decimals';
import type { Aggregate } from './types';

/**
 * achieved / planned × 100, rounded half-up to 2 decimals once, at the end. A share is taken from
 * its counts (25/62 against 25 % is 161.29, where the displayed 40.32 would give 161.28).
 * null without a target or against a target of 0, where a percentage means nothing.
 */
export function achievementPercent(achieved: Aggregate | null, planned: Decimal | null): Decimal | null {
  if (achieved === null || planned === null || planned.isZero()) return null;
  const exact =
    achieved.numerator !== null && achieved.denominator !== null
      ? achieved.numerator.times(HUNDRED).times(HUNDRED).div(achieved.denominator.times(planned))
      : achieved.value.times(HUNDRED).div(planned);
  return exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

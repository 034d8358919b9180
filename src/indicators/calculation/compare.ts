import Decimal from 'decimal.js';
import { HUNDRED } from './decimals';
import type { Direction } from '../indicator-summary.types';
import type { Aggregate } from './types';

const ONE = new Decimal(1);

/**
 * Sign of (achieved − target × factor / divisor), decided by cross-multiplying instead of dividing:
 * a share is compared through its numerator and denominator, so no rounded percentage (and no
 * float) ever decides whether a target was met.
 */
export function compareToTarget(
  achieved: Aggregate,
  target: Decimal,
  factor: Decimal = ONE,
  divisor: Decimal = ONE,
): number {
  const counted = achieved.numerator !== null && achieved.denominator !== null;
  const left = counted ? (achieved.numerator as Decimal).times(HUNDRED).times(divisor) : achieved.value.times(divisor);
  const right = counted ? target.times(factor).times(achieved.denominator as Decimal) : target.times(factor);
  return left.comparedTo(right);
}

export function satisfies(direction: Direction, achieved: Aggregate, target: Decimal): boolean {
  const sign = compareToTarget(achieved, target);
  return direction === 'at_least' ? sign >= 0 : sign <= 0;
}

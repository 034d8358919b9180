import Decimal from 'decimal.js';
import { HUNDRED, scaledInteger } from './decimals';
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
  const leftFactors = counted ? [achieved.numerator as Decimal, HUNDRED, divisor] : [achieved.value, divisor];
  const rightFactors = counted ? [target, factor, achieved.denominator as Decimal] : [target, factor];
  const whole = wholeSign(leftFactors, rightFactors);
  if (whole !== undefined) return whole;
  const [left, right] = [leftFactors, rightFactors].map((factors) => factors.reduce((a, b) => a.times(b)));
  return left.comparedTo(right);
}

export function satisfies(direction: Direction, achieved: Aggregate, target: Decimal): boolean {
  const sign = compareToTarget(achieved, target);
  return direction === 'at_least' ? sign >= 0 : sign <= 0;
}

/**
 * The same sign in whole numbers, when every factor is a whole number of hundredths and both
 * products are safe integers (the common case; both sides have as many factors, so the scaling
 * cancels, and Decimal's own products would be exact too). undefined otherwise.
 */
function wholeSign(left: Decimal[], right: Decimal[]): number | undefined {
  const l = wholeProduct(left);
  const r = wholeProduct(right);
  if (l === undefined || r === undefined) return undefined;
  return l === r ? 0 : l > r ? 1 : -1;
}

function wholeProduct(factors: Decimal[]): number | undefined {
  let product = 1;
  for (const factor of factors) {
    const scaled = scaledInteger(factor, 2);
    if (scaled === undefined) return undefined;
    product *= scaled;
    if (!Number.isSafeInteger(product)) return undefined;
  }
  return product;
}

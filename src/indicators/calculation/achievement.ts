import Decimal from 'decimal.js';
import { HUNDRED, scaledInteger } from './decimals';
import type { Aggregate } from './types';

/**
 * achieved / planned × 100, rounded half-up to 2 decimals once, at the end. A share is taken from
 * its counts (25/62 against 25 % is 161.29, where the displayed 40.32 would give 161.28).
 * null without a target or against a target of 0, where a percentage means nothing.
 */
export function achievementPercent(achieved: Aggregate | null, planned: Decimal | null): Decimal | null {
  if (achieved === null || planned === null || planned.isZero()) return null;
  const counted = achieved.numerator !== null && achieved.denominator !== null;
  // In hundredths of a percent, with the target in hundredths: a share's counts (whole numbers)
  // as numerator × 10^8 / (denominator × target), a value (in hundredths) as value × 10^4 / target.
  const whole = counted
    ? wholeHundredths(achieved.numerator!, 0, achieved.denominator!, planned, 8)
    : wholeHundredths(achieved.value, 2, null, planned, 4);
  if (whole !== undefined) return whole;
  const exact = counted
    ? achieved.numerator!.times(HUNDRED).times(HUNDRED).div(achieved.denominator!.times(planned))
    : achieved.value.times(HUNDRED).div(planned);
  return exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/**
 * The same percentage without a Decimal division, when the figures are small enough whole numbers
 * of their units (the common case): `top × 10^power / (bottom × target)`, with `top` in units of
 * 10^-topScale, `bottom` whole and the target in hundredths, rounded half away from zero to whole
 * hundredths, as toDecimalPlaces rounds the exact quotient. (Decimal divides to 20 significant
 * digits first; a quotient of integers this small is never within that rounding of a
 * half-hundredth, so both round alike.) undefined otherwise, and the Decimals answer.
 */
function wholeHundredths(top: Decimal, topScale: number, bottom: Decimal | null, planned: Decimal, power: number): Decimal | undefined {
  const t = scaledInteger(top, topScale);
  const b = bottom === null ? 1 : scaledInteger(bottom, 0);
  const target = scaledInteger(planned, 2);
  if (t === undefined || b === undefined || target === undefined || b === 0) return undefined;
  const numerator = t * 10 ** power;
  const denominator = b * target;
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || Math.abs(numerator) + Math.abs(denominator) > Number.MAX_SAFE_INTEGER) return undefined;
  const hundredths = roundedQuotient(Math.abs(numerator), Math.abs(denominator));
  // The sign as Decimal gives it, a zero's too (-0 × 100 / 5 is -0).
  const sign = top.isNegative() !== (bottom?.isNegative() ?? false) !== planned.isNegative() ? '-' : '';
  return new Decimal(`${sign}${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`);
}

/** n / d rounded half up, for safe integers n ≥ 0, d > 0 with n + d safe (the floor corrected by the remainder). */
function roundedQuotient(n: number, d: number): number {
  let q = Math.floor(n / d);
  let r = n - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  return 2 * r >= d ? q + 1 : q;
}

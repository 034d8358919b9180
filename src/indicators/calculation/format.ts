import Decimal from 'decimal.js';
import { scaledInteger } from './decimals';

/** A decimal as a JSON number for the API, rounded half-up (the only place a float appears). */
export function toJsonNumber(d: Decimal | null, decimals = 2): number | null {
  if (d === null) return null;
  // Most figures have nothing to round: the copy toDecimalPlaces would make is skipped.
  const fast = numberOf(d, decimals);
  if (fast !== undefined) return fast;
  const rounded = d.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  return numberOf(rounded, decimals) ?? rounded.toNumber();
}

/**
 * A decimal of at most `decimals` decimals as its whole number of 10^-decimals over 10^decimals:
 * one correctly rounded division of two exact integers, so the double nearest to the decimal,
 * which is what parsing its text (Decimal's toNumber) gives. undefined when it is not such a decimal.
 */
function numberOf(d: Decimal, decimals: number): number | undefined {
  const scaled = scaledInteger(d, decimals);
  return scaled === undefined ? undefined : scaled / 10 ** decimals;
}

import Decimal from 'decimal.js';

/** A decimal as a JSON number for the API, rounded half-up (the only place a float appears). */
export function toJsonNumber(d: Decimal | null, decimals = 2): number | null {
  if (d === null) return null;
  // Nothing to round: skip the copy that toDecimalPlaces would make.
  if (d.decimalPlaces() <= decimals) return d.toNumber();
  return d.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toNumber();
}

import Decimal from 'decimal.js';

/** A decimal as a JSON number for the API, rounded half-up (the only place a float appears). */
export function toJsonNumber(d: Decimal | null, decimals = 2): number | null {
  if (d === null) return null;
  return d.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toNumber();
}

/**
 * A number as the Slovene sources write it, for messages: thousands grouped with a dot (`22.830`),
 * decimal comma, at most two decimals. Built by hand rather than with Intl so that nothing passes
 * through a float and a minus stays an ASCII hyphen.
 */
export function formatSl(d: Decimal): string {
  const rounded = d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const [whole, fraction] = rounded.abs().toFixed().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${rounded.isNegative() && !rounded.isZero() ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

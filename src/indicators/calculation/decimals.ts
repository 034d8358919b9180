import Decimal from 'decimal.js';

export const ZERO = new Decimal(0);
export const HUNDRED = new Decimal(100);

const DECIMAL_STRING = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** True for a plain decimal string such as `40.32`; exponents, `NaN` and `Infinity` are refused. */
export function isDecimalString(value: string): boolean {
  return DECIMAL_STRING.test(value.trim());
}

/** Parses a stored decimal string, naming the value when it is not one (a data error, not a crash). */
export function toDecimal(value: string, what = 'value'): Decimal {
  if (!isDecimalString(value)) throw new RangeError(`${what} is not a decimal number: "${value}"`);
  return new Decimal(value.trim());
}

export function sumOf(values: readonly Decimal[]): Decimal {
  return values.reduce((acc, v) => acc.plus(v), ZERO);
}

import Decimal from 'decimal.js';

export const ZERO = new Decimal(0);
export const HUNDRED = new Decimal(100);

const DECIMAL_STRING = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** True for a plain decimal string such as `40.32`; exponents, `NaN` and `Infinity` are refused. */
export function isDecimalString(value: string): boolean {
  return DECIMAL_STRING.test(value.trim());
}

/**
 * Decimals already parsed, by their text. A portfolio parses the same few targets and values
 * (`60`, `2500.25`) thousands of times; a Decimal never changes, so one instance serves them all.
 */
const parsed = new Map<string, Decimal>();

/** Parses a stored decimal string, naming the value when it is not one (a data error, not a crash). */
export function toDecimal(value: string, what = 'value'): Decimal {
  const known = parsed.get(value);
  if (known !== undefined) return known;
  if (!isDecimalString(value)) throw new RangeError(`${what} is not a decimal number: "${value}"`);
  const decimal = new Decimal(value.trim());
  if (parsed.size >= 10_000) parsed.clear();
  parsed.set(value, decimal);
  return decimal;
}

/** Powers of ten that are exact doubles, and small enough to keep a scaled value safe. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * `d × 10^scale` as a whole number when that is exact: `d` has at most `scale` decimals and the
 * result is a safe integer (|n| ≤ 2^53 − 1); otherwise undefined. It is read off decimal.js's own
 * digits (`d.d`: words of seven digits each, the first one standing at 10^(7·⌊e/7⌋), the next
 * seven places lower; `d.s`: the sign), so that a figure the calculation has finished is not
 * printed and parsed again to become a number. decimals.spec.ts checks it against Decimal's
 * public arithmetic.
 */
export function scaledInteger(d: Decimal, scale: number): number | undefined {
  const words = d.d;
  if (!words) return undefined; // NaN or ±Infinity
  const first = Math.floor(d.e / 7);
  let whole = 0;
  for (let i = 0; i < words.length; i++) {
    const places = 7 * (first - i) + scale;
    if (places >= 0) {
      if (places >= POWERS_OF_TEN.length) return undefined;
      whole += words[i] * POWERS_OF_TEN[places];
    } else {
      if (-places >= POWERS_OF_TEN.length) return undefined;
      const divisor = POWERS_OF_TEN[-places];
      // Digits below 10^-scale: more decimals than asked for.
      if (words[i] % divisor !== 0) return undefined;
      whole += words[i] / divisor;
    }
    if (whole > Number.MAX_SAFE_INTEGER) return undefined;
  }
  return d.s < 0 ? -whole : whole;
}

export function sumOf(values: readonly Decimal[]): Decimal {
  return values.reduce((acc, v) => acc.plus(v), ZERO);
}

const PLAIN = /^(\d+)(?:\.(\d+))?$/;

/**
 * Σ of stored decimal texts, printed as `sumOf(...).toFixed()` prints it. Unsigned values of at
 * most 15 digits at the group's widest scale add up exactly as whole numbers of that scale while
 * the total stays below 2^53 (every partial sum is then exact too); the rest go through Decimal.
 */
export function sumOfTexts(texts: readonly string[]): string {
  let scale = 0;
  const parts: [string, string][] = [];
  for (const text of texts) {
    const match = PLAIN.exec(text);
    if (!match) return sumOf(texts.map((t) => toDecimal(t))).toFixed();
    const fraction = match[2] ?? '';
    if (fraction.length > scale) scale = fraction.length;
    parts.push([match[1], fraction]);
  }
  let total = 0;
  for (const [whole, fraction] of parts) {
    if (whole.length + scale > 15) return sumOf(texts.map((t) => toDecimal(t))).toFixed();
    total += Number(whole + fraction.padEnd(scale, '0'));
  }
  if (total > Number.MAX_SAFE_INTEGER) return sumOf(texts.map((t) => toDecimal(t))).toFixed();
  if (scale === 0) return String(total);
  const digits = String(total).padStart(scale + 1, '0');
  const fraction = digits.slice(-scale).replace(/0+$/, '');
  return fraction === '' ? digits.slice(0, -scale) : `${digits.slice(0, -scale)}.${fraction}`;
}

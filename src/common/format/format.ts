import Decimal from 'decimal.js';

/**
 * Number, money, percentage and date formatting for pages and reports, in Slovene or English.
 *
 * Decisions:
 * - Rounding is half-up on the decimal value (decimal.js), so 0,125 → 0,13 whatever the float is.
 * - Thousands are always grouped, also four-digit numbers (`5.503`), as the funders' forms do.
 * - Negative numbers use U+2212 (−) in both languages: what sl-SI ICU prints anyway, and the same
 *   glyph in English so one display rule holds. Display only: never parse these strings back.
 * - Slovene puts a no-break space (U+00A0) before `%` and `€`; English writes `40.32%`, `€1,234.50`.
 * - English dates are `23 Sep 2019` from a fixed month table (ICU's en-GB now writes "Sept").
 */
export type Lang = 'sl' | 'en';

export interface NumberFormatOptions {
  lang: Lang;
  /** Fixed number of decimals. Omitted: 0 to 2 decimals, as many as the value needs. */
  decimals?: number;
}

const NBSP = '\u00A0';
const MINUS = '\u2212';
const LOCALES: Record<Lang, string> = { sl: 'sl-SI', en: 'en-GB' };
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, min: number, max: number): Intl.NumberFormat {
  const key = `${lang}:${min}:${max}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(LOCALES[lang], {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      // 'always' is ES2023 Intl (Node 20 has it); the ES2022 lib typings only know booleans.
      useGrouping: 'always' as unknown as boolean,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Rounds half-up to `decimals` places; a result of zero is plain 0 (no "−0,00"). */
export function roundHalfUp(value: Decimal.Value, decimals: number): Decimal {
  const rounded = new Decimal(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  return rounded.isZero() ? new Decimal(0) : rounded;
}

function formatMagnitude(abs: Decimal, lang: Lang, decimals: number | undefined): string {
  const min = decimals ?? 0;
  const max = decimals ?? 2;
  return numberFormat(lang, min, max).format(abs.toNumber());
}

export function formatNumber(value: number | string, options: NumberFormatOptions): string {
  const rounded = roundHalfUp(value, options.decimals ?? 2);
  const text = formatMagnitude(rounded.abs(), options.lang, options.decimals);
  return rounded.isNegative() ? MINUS + text : text;
}

/** `value` is a percentage (40.32 means 40,32 %). Two decimals unless told otherwise. */
export function formatPercent(value: number | string, options: NumberFormatOptions): string {
  const number = formatNumber(value, { decimals: 2, ...options });
  return options.lang === 'sl' ? `${number}${NBSP}%` : `${number}%`;
}

export function formatEur(amount: number | string, options: NumberFormatOptions): string {
  const rounded = roundHalfUp(amount, options.decimals ?? 2);
  const magnitude = formatMagnitude(rounded.abs(), options.lang, options.decimals ?? 2);
  const sign = rounded.isNegative() ? MINUS : '';
  return options.lang === 'sl' ? `${sign}${magnitude}${NBSP}€` : `${sign}€${magnitude}`;
}

/** Percentage → fraction for spreadsheets, rounded to 4 decimals: 40.32 → 0.4032. */
export function percentToFraction(percent: number | string): number {
  return roundHalfUp(new Decimal(percent).div(100), 4).toNumber();
}

function parseIsoDate(iso: string): [number, number, number] {
  const match = ISO_DATE.exec(iso);
  const [y, m, d] = match ? match.slice(1).map(Number) : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (!match || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${iso}`);
  }
  return [y, m, d];
}

/** Midnight UTC of an ISO calendar date: what spreadsheet writers expect (no day shift). */
export function isoDateToUtc(iso: string): Date {
  const [y, m, d] = parseIsoDate(iso);
  return new Date(Date.UTC(y, m - 1, d));
}

/** sl: `23. 9. 2019`; en: `23 Sep 2019`. Accepts `YYYY-MM-DD` or the date part of an ISO timestamp. */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = parseIsoDate(iso.length > 10 ? iso.slice(0, 10) : iso);
  return lang === 'sl' ? `${d}. ${m}. ${y}` : `${d} ${EN_MONTHS[m - 1]} ${y}`;
}

/** `23. 9. 2019 – 30. 9. 2022` (spaced en dash in both languages). */
export function formatDateRange(start: string, end: string, lang: Lang): string {
  return `${formatDate(start, lang)} – ${formatDate(end, lang)}`;
}

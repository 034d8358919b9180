import { lang } from './i18n.js';

/**
 * Numbers, money, percentages and dates as the reports print them (the same rules as
 * src/common/format/format.ts on the server):
 * - thousands always grouped, also four-digit numbers (`5.503`), as the funders' forms do;
 * - a no-break space before `%` and `€` in Slovene (`40,32 %`, `382.188,56 €`);
 * - negatives with U+2212 in both languages; dates `23. 9. 2019` / `23 Sep 2019`.
 * Values come from the API already rounded, as numbers or decimal strings ("25.00"); Intl formats
 * decimal strings exactly. Display only: never parse these strings back.
 */
const NBSP = '\u00A0';
const LOCALES = { sl: 'sl-SI', en: 'en-GB' };
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ZONE = 'Europe/Ljubljana';
const cache = new Map();

function numberFormat(min, max) {
  const key = `${lang()}:${min}:${max}`;
  if (!cache.has(key)) {
    cache.set(key, new Intl.NumberFormat(LOCALES[lang()], { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: 'always' }));
  }
  return cache.get(key);
}

function isBlank(value) {
  return value === null || value === undefined || value === '';
}

/** `1.234,5`; an em dash for "no value". */
export function num(value, decimals) {
  if (isBlank(value)) return '—';
  const text = numberFormat(decimals ?? 0, decimals ?? 2).format(value);
  return text.replace(/^-/, '\u2212');
}

/** `value` is a percentage: 40.32 → `40,32 %`. */
export function pct(value) {
  if (isBlank(value)) return '—';
  const text = num(value, 2);
  return lang() === 'sl' ? `${text}${NBSP}%` : `${text}%`;
}

export function eur(value) {
  if (isBlank(value)) return '—';
  const text = num(Math.abs(Number(value)), 2);
  const sign = Number(value) < 0 ? '\u2212' : '';
  return lang() === 'sl' ? `${sign}${text}${NBSP}€` : `${sign}€${text}`;
}

/** A figure in its indicator's unit: money in euros, shares as percentages. */
export function amount(value, unit) {
  if (unit === 'eur') return eur(value);
  if (unit === 'percent') return pct(value);
  return num(value);
}

/** `YYYY-MM-DD` (or an ISO timestamp's date part) → `23. 9. 2019` / `23 Sep 2019`. */
export function date(iso) {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return lang() === 'sl' ? `${d}. ${m}. ${y}` : `${d} ${EN_MONTHS[m - 1]} ${y}`;
}

export function dateRange(start, end) {
  return `${date(start)} – ${date(end)}`;
}

/** A moment, in Slovene time: `22. 11. 2026, 06:37`. */
export function dateTime(iso) {
  if (!iso) return '—';
  const moment = new Date(iso);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(moment)
      .map((p) => [p.type, p.value]),
  );
  const day = date(`${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`);
  return `${day}, ${parts.hour}:${parts.minute}`;
}

export function bytes(size) {
  return size >= 1024 * 1024 ? `${num(size / (1024 * 1024), 1)}${NBSP}MB` : `${num(Math.ceil(size / 1024))}${NBSP}kB`;
}

/**
 * What a person typed as a number → the API's decimal string ("1250.5"), or null when it is not one.
 * One rule everywhere (the grid, the value form), strict in the page's language so that nothing is
 * silently reinterpreted: in Slovene dots group thousands and the comma is the decimal mark
 * (`1.250,5`, `1250,5`, `2.500`); `12.5` and `1.25` are refused, never read as 12,5 or 125. In
 * English the other way round (`1,250.5`; `12,5` refused). Spaces (also no-break) are ignored.
 */
export function parseDecimal(text) {
  return readNumber(text).value;
}

const NUMBER_SHAPES = {
  sl: { pattern: /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/, group: /\./g },
  en: { pattern: /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/, group: /,/g },
};

/**
 * Reads a typed number and says what is wrong with it: `{ value, error }`, `error` one of
 * `empty`, `format` (not a number in the page's notation), `negative`, `whole` (decimals where
 * the unit counts persons or events: `decimals` 0), `decimals` (more than `decimals` places).
 */
export function readNumber(text, { decimals } = {}) {
  const s = String(text ?? '').replace(/[\s\u00A0\u202F]/g, '');
  if (s === '') return { value: null, error: 'empty' };
  if (/^[-\u2212]/.test(s)) return { value: null, error: 'negative' };
  const shape = NUMBER_SHAPES[lang()] ?? NUMBER_SHAPES.sl;
  const match = shape.pattern.exec(s);
  if (!match) return { value: null, error: 'format' };
  const whole = match[1].replace(shape.group, '').replace(/^0+(?=\d)/, '');
  const fraction = match[2] ?? '';
  const value = fraction ? `${whole}.${fraction}` : whole;
  const places = fraction.replace(/0+$/, '').length;
  if (decimals !== undefined && places > decimals) return { value: null, error: decimals === 0 ? 'whole' : 'decimals' };
  return { value, error: null };
}

/** How many decimals a value of the unit may have (src/indicators/calculation/validation.ts UNIT_DECIMALS). */
export const UNIT_DECIMALS = { persons: 0, events: 0, hours: 2, eur: 2, percent: 2, other: 6 };

/** A stored decimal ("12.5") as a person would type it back: `12,5` in Slovene, no grouping. */
export function inputNumber(value) {
  if (isBlank(value)) return '';
  return lang() === 'sl' ? String(value).replace('.', ',') : String(value);
}

/** Long names cut to `max` characters with an ellipsis (the full name stays in a title or table). */
export function shorten(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

import {
  Lang,
  formatDate,
  formatEur,
  formatNumber,
  formatPercent,
  isoDateToUtc,
  percentToFraction,
  roundHalfUp,
} from '../../common/format/format';
import type { IndicatorSummary } from '../../indicators/indicator-summary.types';
import { TEXT } from './labels';
import type { ReportCell } from './report-model.types';

/**
 * Every number of a report becomes a cell here, so the display text and the spreadsheet value can
 * never disagree. Percentages are shown with two decimals and stored as fractions with four.
 */
export const DASH = '–';

type Measured = Pick<IndicatorSummary, 'isShare' | 'unit' | 'direction'>;

export function textCell(text: string | null): ReportCell {
  return { text: text ?? '', number: null, format: 'text' };
}

/** A value the report should have but the data does not: shown as a dash, stored as text. */
export function missingCell(): ReportCell {
  return { text: DASH, number: null, format: 'text' };
}

export function percentCell(percent: number | null, lang: Lang): ReportCell {
  if (percent === null) return missingCell();
  return { text: formatPercent(percent, { lang }), number: percentToFraction(percent), format: 'percent' };
}

export function eurCell(amount: number | string | null, lang: Lang): ReportCell {
  if (amount === null) return missingCell();
  return { text: formatEur(amount, { lang }), number: roundHalfUp(amount, 2).toNumber(), format: 'eur' };
}

export function countCell(value: number | null, lang: Lang): ReportCell {
  if (value === null) return missingCell();
  if (Number.isInteger(value)) return { text: formatNumber(value, { lang, decimals: 0 }), number: value, format: 'integer' };
  return {
    text: formatNumber(value, { lang, decimals: 2 }),
    number: roundHalfUp(value, 2).toNumber(),
    format: 'decimal',
  };
}

export function dateCell(iso: string | null, lang: Lang): ReportCell {
  if (iso === null) return missingCell();
  return { text: formatDate(iso, lang), number: null, format: 'date', date: isoDateToUtc(iso) };
}

/** A value in the indicator's unit: shares and percent units as %, EUR as money, else a count. */
export function measureCell(value: number | null, indicator: Measured, lang: Lang): ReportCell {
  if (indicator.isShare || indicator.unit === 'percent') return percentCell(value, lang);
  if (indicator.unit === 'eur') return eurCell(value, lang);
  return countCell(value, lang);
}

/**
 * A target. Shares say their direction ("vsaj 25,00 %"); counts only when it is the unusual one
 * ("največ 10"), since "at least" is what every output target means.
 */
export function targetCell(value: number | null, indicator: Measured, lang: Lang): ReportCell {
  const cell = measureCell(value, indicator, lang);
  if (cell.number === null) return cell;
  const prefix =
    indicator.direction === 'at_most' ? TEXT.atMost[lang] : indicator.isShare ? TEXT.atLeast[lang] : null;
  return prefix ? { ...cell, text: `${prefix} ${cell.text}`, prefix } : cell;
}

/** "25 / 62": both raw counts beside a share, as auditors ask for. */
export function ratioCell(numerator: number | null, denominator: number | null, lang: Lang): ReportCell {
  if (numerator === null || denominator === null) return textCell('');
  const format = (n: number) => formatNumber(n, { lang });
  return textCell(`${format(numerator)} / ${format(denominator)}`);
}

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
import type { IndicatorSummary, ValueQualifier } from '../../indicators/indicator-summary.types';
import { TEXT } from './labels';
import type { ReportCell } from './report-model.types';

/**
 * Every number of a report becomes a cell here, so the display text and the spreadsheet value can
 * never disagree. Percentages are shown with two decimals and stored as fractions with four.
 */
export const DASH = '–';

type Measured = Pick<IndicatorSummary, 'isShare' | 'unit' | 'direction'>;

export type { ValueQualifier };

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

/**
 * A share as shown (40,32 %) holding the exact fraction for a spreadsheet (25/62, not 0.4032),
 * so a sum or a chart over the cell works with what was counted.
 */
export function shareCell(percent: number | null, numerator: number | null, denominator: number | null, lang: Lang): ReportCell {
  const cell = percentCell(percent, lang);
  if (cell.number === null || numerator === null || !denominator) return cell;
  return { ...cell, number: numerator / denominator };
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

/** A qualifier is part of the figure: "vsaj 1.000" is what the source says, not 1.000. */
export function withPrefix(cell: ReportCell, prefix: string | null): ReportCell {
  if (cell.number === null || !prefix) return cell;
  return { ...cell, text: `${prefix} ${cell.text}`, prefix };
}

export function qualifiedCell(cell: ReportCell, qualifier: ValueQualifier | null | undefined, lang: Lang): ReportCell {
  return withPrefix(cell, qualifier ? QUALIFIER_WORDS[qualifier][lang] : null);
}

const QUALIFIER_WORDS: Record<ValueQualifier, Record<Lang, string>> = {
  at_least: TEXT.atLeast,
  approximately: TEXT.approximately,
  more_than: TEXT.moreThan,
};

/**
 * A target, written as a contract writes it. Shares say their direction and only the decimals
 * they have ("vsaj 25 %"); counts say a direction only when it is the unusual one ("največ 10"),
 * since "at least" is what every output target means.
 */
export function targetCell(value: number | null, indicator: Measured, lang: Lang): ReportCell {
  const percent = indicator.isShare || indicator.unit === 'percent';
  const cell: ReportCell =
    percent && value !== null
      ? { ...percentCell(value, lang), text: formatPercent(value, { lang, decimals: undefined }), decimals: decimalsOf(value) }
      : measureCell(value, indicator, lang);
  const prefix =
    indicator.direction === 'at_most' ? TEXT.atMost[lang] : indicator.isShare ? TEXT.atLeast[lang] : null;
  return withPrefix(cell, prefix);
}

/** 25 → 0, 25.5 → 1, 25.25 → 2 (at most two, as everywhere in the report). */
function decimalsOf(value: number): number {
  const text = roundHalfUp(value, 2).toFixed();
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** "25 / 62": both raw counts beside a share, as auditors ask for. */
export function ratioCell(numerator: number | null, denominator: number | null, lang: Lang): ReportCell {
  if (numerator === null || denominator === null) return textCell('');
  const format = (n: number) => formatNumber(n, { lang });
  return textCell(`${format(numerator)} / ${format(denominator)}`);
}

import type { Lang } from '../../common/format/format';
import type { ColumnKey } from '../templates/report-template.types';
import { KIND_LABELS, STATUS_LABELS, UNIT_LABELS } from './labels';
import type { ReportIndicator } from './report-input.types';
import type { ReportCell } from './report-model.types';
import { measureCell, missingCell, percentCell, qualifiedCell, ratioCell, shareCell, targetCell, textCell } from './value-cells';

/** How each indicator-table column is filled and how much room it wants. */
export interface ColumnSpec {
  weight: number;
  align: 'left' | 'right';
  cell(indicator: ReportIndicator, lang: Lang, index: number): ReportCell;
}

export function indicatorName(indicator: ReportIndicator, lang: Lang): string {
  return lang === 'en' && indicator.nameEn ? indicator.nameEn : indicator.name;
}

/**
 * The explanation as written, or nothing: a missing one blocks submission, it is never printed
 * as a placeholder in an official document.
 */
export function explanationText(indicator: ReportIndicator): string {
  return (indicator.explanation ?? '').trim();
}

/** The achieved value in the year: the exact fraction for a share, the source's qualifier kept. */
export function achievedCell(i: ReportIndicator, lang: Lang): ReportCell {
  const cell = i.isShare ? shareCell(i.achieved, i.numerator, i.denominator, lang) : measureCell(i.achieved, i, lang);
  return qualifiedCell(cell, i.achievedQualifier, lang);
}

function toDateCell(i: ReportIndicator, lang: Lang): ReportCell {
  const cell = i.isShare
    ? shareCell(i.achievedToDate, i.numeratorToDate, i.denominatorToDate, lang)
    : measureCell(i.achievedToDate, i, lang);
  return qualifiedCell(cell, i.achievedToDateQualifier ?? i.achievedQualifier, lang);
}

const WOMEN = /^(ženske|ž|women|female|f)$/i;
const MEN = /^(moški|m|men|male)$/i;

/** The women's or men's part, where the indicator is broken down by gender. */
function genderCell(i: ReportIndicator, lang: Lang, pattern: RegExp): ReportCell {
  const part = i.dimensions.find((d) => d.dimension === 'gender')?.parts.find((p) => pattern.test(p.value.trim()));
  return part ? measureCell(part.achieved, i, lang) : missingCell();
}

export const INDICATOR_COLUMNS: Record<ColumnKey, ColumnSpec> = {
  zapSt: {
    weight: 0.5,
    align: 'right',
    cell: (_i, _lang, index) => ({ text: `${index}.`, number: index, format: 'integer' }),
  },
  sifra: { weight: 0.9, align: 'left', cell: (i) => textCell(i.code) },
  naziv: { weight: 4, align: 'left', cell: (i, lang) => textCell(indicatorName(i, lang)) },
  vrsta: { weight: 1, align: 'left', cell: (i, lang) => textCell(KIND_LABELS[i.kind][lang]) },
  merskaEnota: {
    weight: 1.1,
    align: 'left',
    cell: (i, lang) => textCell(i.unitLabel ?? UNIT_LABELS[i.unit][lang]),
  },
  izhodiscnaVrednost: { weight: 1, align: 'right', cell: (i, lang) => measureCell(i.baseline, i, lang) },
  predvidenaLeto: { weight: 1.1, align: 'right', cell: (i, lang) => targetCell(i.planned, i, lang) },
  predvidenaObdobje: { weight: 1.1, align: 'right', cell: (i, lang) => targetCell(i.plannedTotal, i, lang) },
  dosezenaLeto: { weight: 1, align: 'right', cell: achievedCell },
  zenske: { weight: 0.8, align: 'right', cell: (i, lang) => genderCell(i, lang, WOMEN) },
  moski: { weight: 0.8, align: 'right', cell: (i, lang) => genderCell(i, lang, MEN) },
  kumulativno: { weight: 1, align: 'right', cell: toDateCell },
  odstotekDoseganja: { weight: 1, align: 'right', cell: (i, lang) => percentCell(i.achievementPercent, lang) },
  status: { weight: 1, align: 'left', cell: (i, lang) => textCell(STATUS_LABELS[i.status][lang]) },
  obrazlozitev: { weight: 3, align: 'left', cell: (i) => textCell(explanationText(i)) },
  stevecImenovalec: {
    weight: 1,
    align: 'right',
    cell: (i, lang) => ratioCell(i.numerator, i.denominator, lang),
  },
};

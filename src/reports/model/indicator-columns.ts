import type { Lang } from '../../common/format/format';
import type { IndicatorSummary } from '../../indicators/indicator-summary.types';
import type { ColumnKey } from '../templates/report-template.types';
import { KIND_LABELS, STATUS_LABELS, TEXT, UNIT_LABELS } from './labels';
import type { ReportCell } from './report-model.types';
import { measureCell, percentCell, ratioCell, targetCell, textCell } from './value-cells';

/** How each indicator-table column is filled and how much room it wants. */
export interface ColumnSpec {
  weight: number;
  align: 'left' | 'right';
  cell(indicator: IndicatorSummary, lang: Lang, index: number): ReportCell;
}

export function indicatorName(indicator: IndicatorSummary, lang: Lang): string {
  return lang === 'en' && indicator.nameEn ? indicator.nameEn : indicator.name;
}

export function explanationText(indicator: IndicatorSummary, lang: Lang): string {
  if (indicator.explanation && indicator.explanation.trim() !== '') return indicator.explanation;
  return indicator.explanationMissing ? TEXT.explanationMissing[lang] : '';
}

export const INDICATOR_COLUMNS: Record<ColumnKey, ColumnSpec> = {
  zapSt: {
    weight: 0.5,
    align: 'right',
    cell: (_i, _lang, index) => ({ text: `${index}.`, number: index, format: 'integer' }),
  },
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
  dosezenaLeto: { weight: 1, align: 'right', cell: (i, lang) => measureCell(i.achieved, i, lang) },
  kumulativno: { weight: 1, align: 'right', cell: (i, lang) => measureCell(i.achievedToDate, i, lang) },
  odstotekDoseganja: { weight: 1, align: 'right', cell: (i, lang) => percentCell(i.achievementPercent, lang) },
  status: { weight: 1, align: 'left', cell: (i, lang) => textCell(STATUS_LABELS[i.status][lang]) },
  obrazlozitev: { weight: 3, align: 'left', cell: (i, lang) => textCell(explanationText(i, lang)) },
  stevecImenovalec: {
    weight: 1,
    align: 'right',
    cell: (i, lang) => ratioCell(i.numerator, i.denominator, lang),
  },
};

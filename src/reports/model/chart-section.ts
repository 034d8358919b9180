import type { ColumnKey } from '../templates/report-template.types';
import { INDICATOR_COLUMNS, indicatorName } from './indicator-columns';
import { SectionContext, columnFor } from './indicator-sections';
import { TEXT, localize } from './labels';
import type { ChartBar, ChartSection } from './report-model.types';
import { measureCell, targetCell } from './value-cells';

/**
 * Planned vs achieved per indicator, in the indicator's own unit (60 vs 62 persons; 25 % vs
 * 40,32 %). Each pair is drawn on its own scale: units differ, and a common "% of plan" axis would
 * show every planned bar at the same 100 %.
 */
const TABLE_COLUMNS: ColumnKey[] = ['naziv', 'predvidenaLeto', 'dosezenaLeto', 'odstotekDoseganja'];

export function chartSection(ctx: SectionContext, title: string): ChartSection {
  const { input, template, lang } = ctx;
  const charted = input.indicators.filter((i) => i.planned !== null || i.achieved !== null);
  const bars: ChartBar[] = charted.map((indicator) => ({
    label: indicatorName(indicator, lang),
    planned: indicator.planned,
    achieved: indicator.achieved,
    plannedText: targetCell(indicator.planned, indicator, lang).text,
    achievedText: measureCell(indicator.achieved, indicator, lang).text,
  }));
  const planned = localize(TEXT.planned, lang, template.bilingual);
  const achieved = localize(TEXT.achieved, lang, template.bilingual);
  const described = bars.map(
    (bar) => `${bar.label}: ${TEXT.planned[lang].toLowerCase()} ${bar.plannedText}, ${TEXT.achieved[lang].toLowerCase()} ${bar.achievedText}`,
  );
  return {
    kind: 'chart',
    title,
    description: [`${TEXT.chartDescription[lang]}.`, ...described].join(' '),
    legend: { planned, achieved },
    bars,
    table: {
      columns: TABLE_COLUMNS.map((key) => columnFor(key, ctx)),
      groups: [
        {
          title: null,
          note: null,
          rows: charted.map((indicator, n) => TABLE_COLUMNS.map((key) => INDICATOR_COLUMNS[key].cell(indicator, lang, n + 1))),
        },
      ],
      emptyText: localize(TEXT.empty, lang, template.bilingual),
    },
  };
}

import Decimal from 'decimal.js';
import type { ColumnKey } from '../templates/report-template.types';
import { INDICATOR_COLUMNS, achievedCell, indicatorName } from './indicator-columns';
import { SectionContext, SectionHeading, columnFor, withoutEmptyColumns } from './indicator-sections';
import { TEXT, localize } from './labels';
import type { ChartBar, ChartSection } from './report-model.types';
import { percentCell, targetCell } from './value-cells';

/**
 * Achievement as % of plan, every indicator on one axis: 103 % and 161 % are comparable where 62
 * persons and 40,32 % are not. An indicator without a plan has no bar (a bar of its own scale
 * would look full whatever it counts); the note says how many were left out.
 */
const TABLE_COLUMNS: ColumnKey[] = ['naziv', 'predvidenaLeto', 'dosezenaLeto', 'odstotekDoseganja'];

export function chartSection(ctx: SectionContext, heading: SectionHeading): ChartSection | null {
  const { input, template, lang } = ctx;
  const charted = input.indicators.filter((i) => i.achievementPercent !== null && i.planned !== null);
  if (charted.length === 0) return null;
  const bars: ChartBar[] = charted.map((indicator) => ({
    label: indicatorName(indicator, lang),
    percent: indicator.achievementPercent!,
    percentText: percentCell(indicator.achievementPercent, lang).text,
    plannedText: targetCell(indicator.planned, indicator, lang).text,
    achievedText: achievedCell(indicator, lang).text,
  }));
  const omitted = input.indicators.length - charted.length;
  const described = bars.map(
    (bar) =>
      `${bar.label}: ${TEXT.planned[lang].toLowerCase()} ${bar.plannedText}, ${TEXT.achieved[lang].toLowerCase()} ${bar.achievedText} (${bar.percentText})`,
  );
  const largest = Math.max(...bars.map((b) => b.percent));
  return {
    kind: 'chart',
    ...heading,
    description: [`${TEXT.chartDescription[lang]}.`, ...described].join(' '),
    axisMax: Math.max(100, new Decimal(largest).div(25).ceil().mul(25).toNumber()),
    axisLabel: localize(TEXT.chartAxis, lang, template.bilingual),
    bars,
    note: omitted > 0 ? localize(TEXT.chartOmitted, lang, template.bilingual).replaceAll('{count}', String(omitted)) : null,
    table: withoutEmptyColumns({
      columns: TABLE_COLUMNS.map((key) => columnFor(key, ctx)),
      groups: [
        {
          title: null,
          note: null,
          rows: charted.map((indicator, n) => TABLE_COLUMNS.map((key) => INDICATOR_COLUMNS[key].cell(indicator, lang, n + 1))),
        },
      ],
    }),
  };
}

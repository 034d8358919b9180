import Decimal from 'decimal.js';
import type { Lang } from '../../common/format/format';
import type { IndicatorSummary } from '../../indicators/indicator-summary.types';
import type { ColumnKey, ReportTemplate } from '../templates/report-template.types';
import { INDICATOR_COLUMNS, explanationText } from './indicator-columns';
import { COLUMN_LABELS, TEXT, itemLabel, localize } from './labels';
import type { ReportInput, ReportResultArea } from './report-input.types';
import type { ReportColumn, ReportRowGroup, TableSection } from './report-model.types';
import { textCell } from './value-cells';

/** The indicator table (optionally grouped by result area) and the explanations of deviations. */
export interface SectionContext {
  input: ReportInput;
  template: ReportTemplate;
  lang: Lang;
}

export function areaTitle(area: ReportResultArea): string {
  return `${area.code} ${area.name}`;
}

/** A column's label: the template's own wording when it has the column, else the default. */
export function columnFor(key: ColumnKey, { template, lang }: SectionContext): ReportColumn {
  const item = template.columns.find((c) => c.key === key) ?? { key, label: null };
  const spec = INDICATOR_COLUMNS[key];
  return { key, label: itemLabel(item, COLUMN_LABELS, lang, template.bilingual), weight: spec.weight, align: spec.align };
}

function groupIndicators(ctx: SectionContext): { title: string | null; indicators: IndicatorSummary[] }[] {
  const { input, template, lang } = ctx;
  if (template.grouping === 'none') return [{ title: null, indicators: input.indicators }];
  const known = new Set(input.resultAreas.map((a) => a.id));
  const groups = input.resultAreas.map((area) => ({
    title: areaTitle(area),
    indicators: input.indicators.filter((i) => i.resultArea?.id === area.id),
  }));
  const others = input.indicators.filter((i) => !i.resultArea || !known.has(i.resultArea.id));
  groups.push({ title: localize(TEXT.otherIndicators, lang, template.bilingual), indicators: others });
  return groups.filter((g) => g.indicators.length > 0);
}

export function indicatorTableSection(ctx: SectionContext, title: string): TableSection {
  const { template, lang } = ctx;
  let index = 0;
  const groups: ReportRowGroup[] = groupIndicators(ctx).map((group) => ({
    title: group.title,
    note: null,
    rows: group.indicators.map((indicator) => {
      index += 1;
      return template.columns.map((c) => INDICATOR_COLUMNS[c.key].cell(indicator, lang, index));
    }),
  }));
  return {
    kind: 'indicatorTable',
    title,
    table: {
      columns: template.columns.map((c) => columnFor(c.key, ctx)),
      groups,
      emptyText: localize(TEXT.empty, lang, template.bilingual),
    },
  };
}

/** Departs from the plan by more than the template's threshold, or already carries a text. */
export function needsExplanation(indicator: IndicatorSummary, thresholdPercent: number): boolean {
  if (indicator.explanationMissing || (indicator.explanation ?? '').trim() !== '') return true;
  if (indicator.achievementPercent === null) return false;
  return new Decimal(indicator.achievementPercent).minus(100).abs().gt(thresholdPercent);
}

const EXPLANATION_COLUMNS: ColumnKey[] = ['naziv', 'predvidenaLeto', 'dosezenaLeto', 'odstotekDoseganja', 'obrazlozitev'];

export function explanationsSection(ctx: SectionContext, title: string): TableSection {
  const { input, template, lang } = ctx;
  const rows = input.indicators
    .filter((i) => needsExplanation(i, template.deviationThresholdPercent))
    .map((indicator, n) =>
      EXPLANATION_COLUMNS.map((key) =>
        key === 'obrazlozitev'
          ? textCell(explanationText(indicator, lang) || TEXT.explanationMissing[lang])
          : INDICATOR_COLUMNS[key].cell(indicator, lang, n + 1),
      ),
    );
  return {
    kind: 'explanations',
    title,
    table: {
      columns: EXPLANATION_COLUMNS.map((key) => columnFor(key, ctx)),
      groups: rows.length > 0 ? [{ title: null, note: null, rows }] : [],
      emptyText: localize(TEXT.noDeviations, lang, template.bilingual),
    },
  };
}

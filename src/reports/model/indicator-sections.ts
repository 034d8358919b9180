import type { Lang } from '../../common/format/format';
import type { ColumnKey, ReportTemplate } from '../templates/report-template.types';
import { INDICATOR_COLUMNS, explanationText } from './indicator-columns';
import { COLUMN_LABELS, TEXT, itemLabel, localize } from './labels';
import type { ReportIndicator, ReportInput, ReportResultArea } from './report-input.types';
import type { ReportColumn, ReportRowGroup, ReportTable, TableSection } from './report-model.types';
import { DASH, textCell } from './value-cells';

/** The indicator table (optionally grouped by result area) and the explanations of deviations. */
export interface SectionContext {
  input: ReportInput;
  template: ReportTemplate;
  lang: Lang;
}

/** A section's printed title and its sheet name. */
export interface SectionHeading {
  title: string;
  sheetTitle: string;
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

/**
 * Leaves out the columns no row has anything in (a baseline nobody set, a numerator no indicator
 * has), except `keep`: the columns a funder's form always shows, even as "–".
 */
export function withoutEmptyColumns(table: ReportTable, keep: readonly string[] = []): ReportTable {
  const rows = table.groups.flatMap((g) => g.rows);
  const used = table.columns.map(
    (column, i) => keep.includes(column.key) || rows.some((row) => row[i].text !== '' && row[i].text !== DASH),
  );
  return {
    columns: table.columns.filter((_, i) => used[i]),
    groups: table.groups.map((g) => ({ ...g, rows: g.rows.map((row) => row.filter((_, i) => used[i])) })),
  };
}

/** A table section, or nothing when it would have no rows. */
export function tableSection(kind: TableSection['kind'], heading: SectionHeading, table: ReportTable, keep: readonly string[] = []): TableSection | null {
  if (!table.groups.some((g) => g.rows.length > 0)) return null;
  return { kind, ...heading, table: withoutEmptyColumns(table, keep) };
}

/** Indicators grouped as the template says; `areaId` null for the ungrouped table and "Drugi kazalniki". */
function groupIndicators(ctx: SectionContext, grouping = ctx.template.grouping): { areaId: number | null; title: string | null; indicators: ReportIndicator[] }[] {
  const { input, template, lang } = ctx;
  if (grouping === 'none') return [{ areaId: null, title: null, indicators: input.indicators }];
  const known = new Set(input.resultAreas.map((a) => a.id));
  const groups = input.resultAreas.map((area) => ({
    areaId: area.id as number | null,
    title: areaTitle(area) as string | null,
    indicators: input.indicators.filter((i) => i.resultArea?.id === area.id),
  }));
  const others = input.indicators.filter((i) => !i.resultArea || !known.has(i.resultArea.id));
  groups.push({ areaId: null, title: localize(TEXT.otherIndicators, lang, template.bilingual), indicators: others });
  return groups.filter((g) => g.indicators.length > 0);
}

/** The columns of the funders' indicator forms, shown even when every row has "–". */
const FORM_COLUMNS: ColumnKey[] = ['zapSt', 'naziv', 'predvidenaLeto', 'dosezenaLeto'];

/**
 * The template's indicator table, rows numbered through all groups, with the columns nobody has a
 * value in left out; each group keeps its result area. Null when there is no indicator.
 */
export function indicatorGroups(ctx: SectionContext, grouping = ctx.template.grouping): { table: ReportTable; areaIds: (number | null)[] } | null {
  const { template, lang } = ctx;
  let index = 0;
  const grouped = groupIndicators(ctx, grouping);
  const groups: ReportRowGroup[] = grouped.map((group) => ({
    title: group.title,
    note: null,
    rows: group.indicators.map((indicator) => {
      index += 1;
      return template.columns.map((c) => INDICATOR_COLUMNS[c.key].cell(indicator, lang, index));
    }),
  }));
  if (!groups.some((g) => g.rows.length > 0)) return null;
  const columns = template.columns.map((c) => columnFor(c.key, ctx));
  return { table: withoutEmptyColumns({ columns, groups }, FORM_COLUMNS), areaIds: grouped.map((g) => g.areaId) };
}

export function indicatorTableSection(ctx: SectionContext, heading: SectionHeading): TableSection | null {
  const grouped = indicatorGroups(ctx);
  return grouped ? { kind: 'indicatorTable', ...heading, table: grouped.table } : null;
}

const EXPLANATION_COLUMNS: ColumnKey[] = ['naziv', 'predvidenaLeto', 'dosezenaLeto', 'odstotekDoseganja', 'obrazlozitev'];

/** The explanations written for the year; a section only when there is at least one. */
export function explanationsSection(ctx: SectionContext, heading: SectionHeading): TableSection | null {
  const { input, lang } = ctx;
  const rows = input.indicators
    .filter((i) => explanationText(i) !== '')
    .map((indicator, n) =>
      EXPLANATION_COLUMNS.map((key) =>
        key === 'obrazlozitev' ? textCell(explanationText(indicator)) : INDICATOR_COLUMNS[key].cell(indicator, lang, n + 1),
      ),
    );
  const columns = EXPLANATION_COLUMNS.map((key) => columnFor(key, ctx));
  return tableSection('explanations', heading, { columns, groups: [{ title: null, note: null, rows }] }, ['naziv', 'obrazlozitev']);
}

import { areaTitle, indicatorGroups, SectionContext, SectionHeading } from './indicator-sections';
import type { ReportInput } from './report-input.types';
import { TEXT, localize } from './labels';
import type { AreaBlock, ReportTable, ResultAreasSection } from './report-model.types';
import { paragraphs } from './text-sections';

/** Text written for no area, and text for an area the project no longer has. */
function generalParagraphs(input: ReportInput): string[] {
  const known = new Set(input.resultAreas.map((a) => a.id));
  return input.narratives.filter((n) => n.resultAreaId === null || !known.has(n.resultAreaId)).flatMap((n) => paragraphs(n.text));
}

/**
 * "Opis izvedenih aktivnosti po področjih": per result area of the call, in the project's order,
 * the area's narrative and its indicators (the template's columns, rows numbered through the whole
 * report). The general text comes first, without a heading; indicators of no area come last, under
 * "Drugi kazalniki". Areas with neither text nor figures are left out; a section only when
 * something is left.
 */
export function resultAreasSection(ctx: SectionContext, heading: SectionHeading): ResultAreasSection | null {
  const { input, template, lang } = ctx;
  const grouped = indicatorGroups(ctx, 'resultArea');
  const tableOf = (areaId: number | null): ReportTable | null => {
    const n = grouped ? grouped.areaIds.indexOf(areaId) : -1;
    return grouped && n >= 0 ? { columns: grouped.table.columns, groups: [{ ...grouped.table.groups[n], title: null }] } : null;
  };
  const areas: AreaBlock[] = [
    { heading: null, paragraphs: generalParagraphs(input), table: null },
    ...input.resultAreas.map((area) => ({
      heading: areaTitle(area),
      paragraphs: input.narratives.filter((n) => n.resultAreaId === area.id).flatMap((n) => paragraphs(n.text)),
      table: tableOf(area.id),
    })),
    { heading: localize(TEXT.otherIndicators, lang, template.bilingual), paragraphs: [], table: tableOf(null) },
  ];
  const kept = areas.filter((a) => a.paragraphs.length > 0 || a.table !== null);
  if (kept.length === 0) return null;
  return { kind: 'resultAreas', ...heading, areas: kept, table: grouped?.table ?? { columns: [], groups: [] } };
}

import { indicatorName } from './indicator-columns';
import { SectionContext, SectionHeading, columnFor, tableSection } from './indicator-sections';
import { TEXT, localize } from './labels';
import type { ReportColumn, ReportRowGroup, TableSection } from './report-model.types';
import { measureCell, qualifiedCell, ratioCell, targetCell, textCell } from './value-cells';

/**
 * Tables that break an indicator down: partners' contributions ("od tega Društvo NOVUS – 42") and
 * disaggregations (gender, age, …). One group per indicator, with the summary's warning as a note.
 * Columns nobody has a value in (a partner's plan, a numerator) are left out.
 */
function textColumn(key: string, label: string, weight: number): ReportColumn {
  return { key, label, weight, align: 'left' };
}

export function partnerPartsSection(ctx: SectionContext, heading: SectionHeading): TableSection | null {
  const { input, template, lang } = ctx;
  const groups: ReportRowGroup[] = input.indicators
    .filter((indicator) => indicator.partners.length > 0)
    .map((indicator) => ({
      title: indicatorName(indicator, lang),
      note: indicator.partnerWarning,
      rows: indicator.partners.map((part) => [
        textCell(part.organisationName),
        targetCell(part.planned, indicator, lang),
        qualifiedCell(measureCell(part.achieved, indicator, lang), indicator.partnerQualifiers?.[part.organisationId], lang),
        ratioCell(part.numerator, part.denominator, lang),
      ]),
    }));
  const columns = [
    textColumn('partner', localize(TEXT.partner, lang, template.bilingual), 4),
    columnFor('predvidenaLeto', ctx),
    columnFor('dosezenaLeto', ctx),
    columnFor('stevecImenovalec', ctx),
  ];
  return tableSection('partnerParts', heading, { columns, groups }, ['partner', 'dosezenaLeto']);
}

export function disaggregationsSection(ctx: SectionContext, heading: SectionHeading): TableSection | null {
  const { input, template, lang } = ctx;
  const groups: ReportRowGroup[] = input.indicators
    .filter((indicator) => indicator.dimensions.some((d) => d.parts.length > 0))
    .map((indicator) => {
      const exceeding = indicator.dimensions.filter((d) => d.exceedsTotal).map((d) => d.dimension);
      return {
        title: indicatorName(indicator, lang),
        note: exceeding.length > 0 ? `${exceeding.join(', ')}: ${TEXT.partsExceedTotal[lang]}` : null,
        rows: indicator.dimensions.flatMap((breakdown) =>
          breakdown.parts.map((part) => [
            textCell(breakdown.dimension),
            textCell(part.value),
            measureCell(part.achieved, indicator, lang),
          ]),
        ),
      };
    });
  const columns = [
    textColumn('dimension', localize(TEXT.dimension, lang, template.bilingual), 2),
    textColumn('dimensionValue', localize(TEXT.dimensionValue, lang, template.bilingual), 2),
    columnFor('dosezenaLeto', ctx),
  ];
  return tableSection('disaggregations', heading, { columns, groups }, ['dimension', 'dimensionValue', 'dosezenaLeto']);
}

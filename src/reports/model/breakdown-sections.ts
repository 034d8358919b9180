import { TEXT, localize } from './labels';
import { indicatorName } from './indicator-columns';
import { SectionContext, columnFor } from './indicator-sections';
import type { ReportColumn, ReportRowGroup, TableSection } from './report-model.types';
import { measureCell, ratioCell, targetCell, textCell } from './value-cells';

/**
 * Tables that break an indicator down: partners' contributions ("od tega Društvo NOVUS – 42") and
 * disaggregations (gender, age, …). One group per indicator, with the summary's warning as a note.
 */
function textColumn(key: string, label: string, weight: number): ReportColumn {
  return { key, label, weight, align: 'left' };
}

export function partnerPartsSection(ctx: SectionContext, title: string): TableSection {
  const { input, template, lang } = ctx;
  const groups: ReportRowGroup[] = input.indicators
    .filter((indicator) => indicator.partners.length > 0)
    .map((indicator) => ({
      title: indicatorName(indicator, lang),
      note: indicator.partnerWarning,
      rows: indicator.partners.map((part) => [
        textCell(part.organisationName),
        targetCell(part.planned, indicator, lang),
        measureCell(part.achieved, indicator, lang),
        ratioCell(part.numerator, part.denominator, lang),
      ]),
    }));
  return {
    kind: 'partnerParts',
    title,
    table: {
      columns: [
        textColumn('partner', localize(TEXT.partner, lang, template.bilingual), 4),
        columnFor('predvidenaLeto', ctx),
        columnFor('dosezenaLeto', ctx),
        columnFor('stevecImenovalec', ctx),
      ],
      groups,
      emptyText: localize(TEXT.empty, lang, template.bilingual),
    },
  };
}

export function disaggregationsSection(ctx: SectionContext, title: string): TableSection {
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
  return {
    kind: 'disaggregations',
    title,
    table: {
      columns: [
        textColumn('dimension', localize(TEXT.dimension, lang, template.bilingual), 2),
        textColumn('dimensionValue', localize(TEXT.dimensionValue, lang, template.bilingual), 2),
        columnFor('dosezenaLeto', ctx),
      ],
      groups,
      emptyText: localize(TEXT.empty, lang, template.bilingual),
    },
  };
}

import type { Lang } from '../../common/format/format';
import type { LocalizedText, ReportTemplate, SectionKind } from '../templates/report-template.types';
import { disaggregationsSection, partnerPartsSection } from './breakdown-sections';
import { resultAreasSection } from './area-sections';
import { chartSection } from './chart-section';
import { headerRows } from './header-rows';
import { SectionContext, SectionHeading, explanationsSection, indicatorTableSection } from './indicator-sections';
import { SECTION_LABELS, SHEET_LABELS, TEXT, itemLabel, localize } from './labels';
import type { ReportInput } from './report-input.types';
import type { ReportModel, ReportSection } from './report-model.types';
import { narrativeSection, signatureSection } from './text-sections';

/**
 * Builds the one model every renderer draws: labels localized, numbers formatted, sections in the
 * template's order, and only the sections that have something in them. Pure: the same input,
 * template and language give the same model.
 */
const SECTION_BUILDERS: Record<SectionKind, (ctx: SectionContext, heading: SectionHeading) => ReportSection | null> = {
  indicatorTable: indicatorTableSection,
  partnerParts: partnerPartsSection,
  disaggregations: disaggregationsSection,
  chart: chartSection,
  narrative: narrativeSection,
  resultAreas: resultAreasSection,
  explanations: explanationsSection,
  signature: signatureSection,
};

const DOCUMENT_LANG: Record<Lang, string> = { sl: 'sl-SI', en: 'en-GB' };

function creationDate(generatedAt: string): Date {
  const date = new Date(generatedAt);
  if (Number.isNaN(date.getTime())) throw new RangeError(`generatedAt is not an ISO timestamp: ${generatedAt}`);
  return date;
}

const MAX_SHEET_TITLE = 31;

/** The title when it fits a sheet tab, else the short name in both languages, else in one. */
function sheetTitle(title: string, short: LocalizedText, lang: Lang, bilingual: boolean): string {
  return [title, localize(short, lang, bilingual), short[lang]].find((t) => t.length <= MAX_SHEET_TITLE) ?? short[lang];
}

export function buildReportModel(input: ReportInput, template: ReportTemplate, lang: Lang): ReportModel {
  const ctx: SectionContext = { input, template, lang };
  const { project, year } = input;
  const title = localize(template.title, lang, template.bilingual);
  const sections = template.sections.flatMap((item) => {
    const heading = itemLabel(item, SECTION_LABELS, lang, template.bilingual);
    const section = SECTION_BUILDERS[item.key](ctx, {
      title: heading,
      sheetTitle: sheetTitle(heading, SHEET_LABELS[item.key], lang, template.bilingual),
    });
    return section ? [section] : [];
  });
  const headerTitle = localize(TEXT.generalSheet, lang, template.bilingual);
  return {
    templateId: template.id,
    lang,
    title,
    subtitle: `${project.name} (${project.code}), ${TEXT.year[lang]} ${year}`,
    orientation: template.orientation,
    metadata: {
      title: `${template.title[lang]}: ${project.name}, ${year}`,
      author: project.leadOrganisation,
      subject: project.description.trim() || project.name,
      keywords: [project.code, String(year), template.title[lang], ...project.funders.map((f) => f.name)],
      lang: DOCUMENT_LANG[lang],
      creationDate: creationDate(input.generatedAt),
    },
    headerTitle: sheetTitle(headerTitle, TEXT.generalSheet, lang, template.bilingual),
    header: headerRows(ctx),
    sections,
    pageLabel: localize(TEXT.pageLabel, lang, template.bilingual),
  };
}

import type { SignatureField } from '../templates/report-template.types';
import { areaTitle, SectionContext } from './indicator-sections';
import { SIGNATURE_LABELS, TEXT, itemLabel, localize } from './labels';
import type { NarrativeBlock, NarrativeSection, ReportCell, SignatureSection } from './report-model.types';
import { dateCell, textCell } from './value-cells';

/** The narrative (general text first, then one block per result area) and the signature block. */
function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

export function narrativeSection(ctx: SectionContext, title: string): NarrativeSection {
  const { input, template, lang } = ctx;
  const byArea = (id: number | null) =>
    input.narratives.filter((n) => n.resultAreaId === id).flatMap((n) => paragraphs(n.text));
  const known = new Set(input.resultAreas.map((a) => a.id));
  const unattached = input.narratives
    .filter((n) => n.resultAreaId !== null && !known.has(n.resultAreaId))
    .flatMap((n) => paragraphs(n.text));
  const blocks: NarrativeBlock[] = [
    { heading: null, paragraphs: [...byArea(null), ...unattached] },
    ...input.resultAreas.map((area) => ({ heading: areaTitle(area), paragraphs: byArea(area.id) })),
  ].filter((block) => block.paragraphs.length > 0);
  return {
    kind: 'narrative',
    title,
    blocks,
    emptyText: localize(TEXT.empty, lang, template.bilingual),
    columns: {
      heading: localize(TEXT.resultArea, lang, template.bilingual),
      text: localize(TEXT.text, lang, template.bilingual),
    },
  };
}

function signatureCells(key: SignatureField, ctx: SectionContext): ReportCell[] {
  const { place, date, responsiblePerson } = ctx.input.signature;
  switch (key) {
    case 'krajInDatum':
      return [...(place ? [textCell(place)] : []), ...(date ? [dateCell(date, ctx.lang)] : [])];
    case 'odgovornaOseba':
      return responsiblePerson ? [textCell(responsiblePerson)] : [];
    default:
      return []; // signature and stamp are added by hand on paper
  }
}

export function signatureSection(ctx: SectionContext, title: string): SignatureSection {
  const { template, lang } = ctx;
  return {
    kind: 'signature',
    title,
    fields: template.signature.map((item) => {
      const cells = signatureCells(item.key, ctx);
      return {
        key: item.key,
        label: itemLabel(item, SIGNATURE_LABELS, lang, template.bilingual),
        value: cells.map((c) => c.text).join(', '),
        cells,
      };
    }),
  };
}

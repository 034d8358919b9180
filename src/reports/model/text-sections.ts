import type { SignatureField } from '../templates/report-template.types';
import { areaTitle, SectionContext, SectionHeading } from './indicator-sections';
import { SIGNATURE_LABELS, TEXT, itemLabel, localize } from './labels';
import type { NarrativeBlock, NarrativeSection, ReportCell, SignatureRow, SignatureSection } from './report-model.types';
import { dateCell, textCell } from './value-cells';

/** The narrative (general text first, then one block per result area) and the signature block. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** A section only when some text was written; result areas without text are left out. */
export function narrativeSection(ctx: SectionContext, heading: SectionHeading): NarrativeSection | null {
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
  if (blocks.length === 0) return null;
  return {
    kind: 'narrative',
    ...heading,
    blocks,
    columns: {
      heading: localize(TEXT.resultArea, lang, template.bilingual),
      text: localize(TEXT.text, lang, template.bilingual),
    },
  };
}

/**
 * Place and date, and the responsible person with their role, from the lead organisation's record.
 * What the record does not hold gets a line to fill in by hand, never an invented name.
 */
function signatureRow(key: SignatureField, ctx: SectionContext): Pick<SignatureRow, 'value' | 'lineBefore' | 'cells'> {
  const { place, date, responsiblePerson, responsibleRole } = ctx.input.signature;
  switch (key) {
    case 'krajInDatum': {
      const cells: ReportCell[] = [...(place ? [textCell(place)] : []), ...(date ? [dateCell(date, ctx.lang)] : [])];
      return { value: cells.map((c) => c.text).join(', '), lineBefore: !place, cells };
    }
    case 'odgovornaOseba': {
      const role = responsibleRole ?? localize(TEXT.responsibleRole, ctx.lang, ctx.template.bilingual);
      if (responsiblePerson) {
        const text = responsibleRole ? `${responsiblePerson}, ${responsibleRole}` : responsiblePerson;
        return { value: text, lineBefore: false, cells: [textCell(text)] };
      }
      return { value: `(${role})`, lineBefore: true, cells: responsibleRole ? [textCell(responsibleRole)] : [] };
    }
    default:
      return { value: '', lineBefore: false, cells: [] }; // signature and stamp are added by hand on paper
  }
}

export function signatureSection(ctx: SectionContext, heading: SectionHeading): SignatureSection {
  const { template, lang } = ctx;
  return {
    kind: 'signature',
    ...heading,
    fields: template.signature.map((item) => ({
      key: item.key,
      label: itemLabel(item, SIGNATURE_LABELS, lang, template.bilingual),
      ...signatureRow(item.key, ctx),
    })),
  };
}

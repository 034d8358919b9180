import { formatDateRange, formatPercent } from '../../common/format/format';
import type { HeaderField } from '../templates/report-template.types';
import type { SectionContext } from './indicator-sections';
import { HEADER_LABELS, itemLabel } from './labels';
import type { HeaderRow, ReportCell } from './report-model.types';
import { eurCell, textCell } from './value-cells';

/**
 * The report's header block: who, funded by whom, under which call, contract and operation, for
 * when. A field the records do not hold is left out rather than printed as "–".
 */
function text(value: string | null | undefined): ReportCell | null {
  return value && value.trim() !== '' ? textCell(value.trim()) : null;
}

function joined(values: string[]): ReportCell | null {
  return text(values.filter((v) => v.trim() !== '').join('; '));
}

function headerCell(key: HeaderField, { input, lang }: SectionContext): ReportCell | null {
  const { project, reportingPeriod } = input;
  switch (key) {
    case 'nosilec':
      return text(project.leadOrganisation);
    case 'partnerji':
      return joined(project.partners.map((p) => p.name));
    case 'financer':
      return joined(
        project.funders.map((f) => (f.sharePercent === null ? f.name : `${f.name} (${formatPercent(f.sharePercent, { lang })})`)),
      );
    case 'javniRazpis':
      return text(project.publicCall);
    case 'pogodba':
      return text(project.contractReference);
    case 'operacija':
      return text([project.operationId, project.operationName].filter(Boolean).join(': '));
    case 'prednostnaOs':
      return text(project.priorityAxis);
    case 'prednostnaNalozba':
      return text(project.investmentPriority);
    case 'specificniCilj':
      return text(project.specificObjective);
    case 'kohezijskaRegija':
      return text(project.cohesionRegion);
    // A period is one cell, "23. 9. 2019 – 30. 9. 2022", as it is written on every form.
    case 'obdobjeFinanciranja':
      return textCell(formatDateRange(project.fundingPeriod.startDate, project.fundingPeriod.endDate, lang));
    case 'porocevalskoObdobje':
      return textCell(formatDateRange(reportingPeriod.start, reportingPeriod.end, lang));
    case 'znesek':
      return project.fundingPeriod.amountEur === null ? null : eurCell(project.fundingPeriod.amountEur, lang);
  }
}

export function headerRows(ctx: SectionContext): HeaderRow[] {
  return ctx.template.header.flatMap((item) => {
    const cell = headerCell(item.key, ctx);
    if (!cell) return [];
    return [{ key: item.key, label: itemLabel(item, HEADER_LABELS, ctx.lang, ctx.template.bilingual), value: cell.text, cells: [cell] }];
  });
}

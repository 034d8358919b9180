import { formatDateRange, formatPercent } from '../../common/format/format';
import type { HeaderField } from '../templates/report-template.types';
import type { SectionContext } from './indicator-sections';
import { HEADER_LABELS, itemLabel } from './labels';
import type { HeaderRow, ReportCell } from './report-model.types';
import { DASH, dateCell, eurCell, textCell } from './value-cells';

/** The report's header block: who, funded by whom, under which call and contract, for when. */
function joined(values: string[]): ReportCell {
  return values.length > 0 ? textCell(values.join('; ')) : textCell(DASH);
}

function headerCells(key: HeaderField, { input, lang }: SectionContext): { value: string; cells: ReportCell[] } {
  const { project, reportingPeriod } = input;
  const single = (cell: ReportCell) => ({ value: cell.text, cells: [cell] });
  switch (key) {
    case 'nosilec':
      return single(textCell(project.leadOrganisation));
    case 'partnerji':
      return single(joined(project.partners.map((p) => p.name)));
    case 'financer':
      return single(
        joined(
          project.funders.map((f) =>
            f.sharePercent === null ? f.name : `${f.name} (${formatPercent(f.sharePercent, { lang })})`,
          ),
        ),
      );
    case 'javniRazpis':
      return single(textCell(project.publicCall ?? DASH));
    case 'pogodba':
      return single(textCell(project.contractReference ?? DASH));
    case 'obdobjeFinanciranja': {
      const { startDate, endDate } = project.fundingPeriod;
      return { value: formatDateRange(startDate, endDate, lang), cells: [dateCell(startDate, lang), dateCell(endDate, lang)] };
    }
    case 'porocevalskoObdobje': {
      const { start, end } = reportingPeriod;
      return { value: formatDateRange(start, end, lang), cells: [dateCell(start, lang), dateCell(end, lang)] };
    }
    case 'znesek':
      return single(eurCell(project.fundingPeriod.amountEur, lang));
  }
}

export function headerRows(ctx: SectionContext): HeaderRow[] {
  return ctx.template.header.map((item) => ({
    key: item.key,
    label: itemLabel(item, HEADER_LABELS, ctx.lang, ctx.template.bilingual),
    ...headerCells(item.key, ctx),
  }));
}

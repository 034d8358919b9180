import type { ValueQualifier } from '../../indicators/indicator-summary.types';
import type { ReportIndicator } from './report-input.types';

/** One stored figure's qualifier, as the report needs it. */
export interface QualifiedValue {
  indicatorId: number;
  year: number;
  partnerOrganisationId: number | null;
  dimension: string | null;
  qualifier: ValueQualifier | null;
}

/**
 * Carries the sources' qualifiers onto the indicators of a report: a qualified value in the year
 * qualifies the year's figure ("vsaj 1.000"), the latest qualified one up to the year the figure to
 * date, a partner's qualified part that partner's figure. Values of a disaggregation do not qualify
 * the total. Pure: the values come in already loaded, oldest first.
 */
export function withQualifiers(indicators: ReportIndicator[], values: QualifiedValue[], year: number): ReportIndicator[] {
  return indicators.map((indicator) => {
    const own = values.filter((v) => v.indicatorId === indicator.indicatorId && v.qualifier !== null && v.dimension === null);
    const whole = own.filter((v) => v.partnerOrganisationId === null);
    const partnerQualifiers: Record<number, ValueQualifier> = {};
    for (const v of own) {
      if (v.partnerOrganisationId !== null && v.year === year) partnerQualifiers[v.partnerOrganisationId] = v.qualifier!;
    }
    // A figure the source gives for one partner only (a unit's "preko 884 otrok") is also the total.
    const [part, ...more] = indicator.partners;
    const onlyPart = part && more.length === 0 && part.achieved === indicator.achieved ? partnerQualifiers[part.organisationId] : undefined;
    return {
      ...indicator,
      achievedQualifier: whole.find((v) => v.year === year)?.qualifier ?? onlyPart ?? null,
      achievedToDateQualifier: whole.at(-1)?.qualifier ?? null,
      partnerQualifiers,
    };
  });
}

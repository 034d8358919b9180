import type { IndicatorSummary } from '../indicators/indicator-summary.types';

/**
 * What to check before a report is submitted. Missing explanations of deviations block the
 * submission (the report must never print that something is missing); the rest are warnings.
 */
export const CHECK_KINDS = ['explanation_missing', 'value_missing', 'partner_parts_exceed_total', 'narrative_missing'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

export interface CheckItem {
  kind: CheckKind;
  blocking: boolean;
  indicatorCode?: string;
  resultAreaCode?: string;
  /** Slovene, for the page and the refusal. */
  message: string;
}

export interface Checklist {
  ok: boolean;
  blocking: number;
  items: CheckItem[];
}

export function checklist(indicators: IndicatorSummary[], resultAreas: { id: number; code: string; name: string }[], narrativeResultAreaIds: Set<number | null>): Checklist {
  const items: CheckItem[] = [];
  for (const i of indicators) {
    if (i.explanationMissing) {
      items.push({ kind: 'explanation_missing', blocking: true, indicatorCode: i.code, message: `${i.code}: manjka obrazložitev odstopanj (doseženo ${i.achievementPercent ?? '–'} % načrta)` });
    }
    if (i.achieved === null) items.push({ kind: 'value_missing', blocking: false, indicatorCode: i.code, message: `${i.code}: za leto ni dosežene vrednosti` });
    if (i.partnerWarning) items.push({ kind: 'partner_parts_exceed_total', blocking: false, indicatorCode: i.code, message: `${i.code}: ${i.partnerWarning}` });
  }
  for (const area of resultAreas) {
    if (!narrativeResultAreaIds.has(area.id)) {
      items.push({ kind: 'narrative_missing', blocking: false, resultAreaCode: area.code, message: `${area.code} ${area.name}: manjka vsebinsko poročilo` });
    }
  }
  const blocking = items.filter((i) => i.blocking).length;
  return { ok: blocking === 0, blocking, items };
}

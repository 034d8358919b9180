import type { IndicatorSummary } from '../indicators/indicator-summary.types';

/** One figure that differs between a submitted report and the data now. */
export interface SnapshotChange {
  indicatorCode: string;
  indicatorName: string;
  field: string;
  submitted: number | string | null;
  current: number | string | null;
}

const FIELDS = ['planned', 'plannedTotal', 'achieved', 'achievedToDate', 'numerator', 'denominator', 'achievementPercent', 'status', 'explanation'] as const;

/**
 * What changed in the figures since a report was submitted: per indicator and field, including
 * partners' parts and indicators added or removed since.
 */
export function diffSnapshots(submitted: IndicatorSummary[], current: IndicatorSummary[]): SnapshotChange[] {
  const changes: SnapshotChange[] = [];
  const now = new Map(current.map((i) => [i.code, i]));
  const then = new Map(submitted.map((i) => [i.code, i]));
  for (const old of submitted) {
    const cur = now.get(old.code);
    if (!cur) {
      changes.push({ indicatorCode: old.code, indicatorName: old.name, field: 'indicator', submitted: 'present', current: null });
      continue;
    }
    for (const field of FIELDS) {
      if (old[field] !== cur[field]) changes.push({ indicatorCode: old.code, indicatorName: old.name, field, submitted: old[field], current: cur[field] });
    }
    const partners = new Set([...old.partners, ...cur.partners].map((p) => p.organisationName));
    for (const name of partners) {
      const a = old.partners.find((p) => p.organisationName === name)?.achieved ?? null;
      const b = cur.partners.find((p) => p.organisationName === name)?.achieved ?? null;
      if (a !== b) changes.push({ indicatorCode: old.code, indicatorName: old.name, field: `partners[${name}].achieved`, submitted: a, current: b });
    }
  }
  for (const added of current.filter((i) => !then.has(i.code))) {
    changes.push({ indicatorCode: added.code, indicatorName: added.name, field: 'indicator', submitted: null, current: 'present' });
  }
  return changes;
}

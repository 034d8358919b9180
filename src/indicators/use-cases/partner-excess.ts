import { aggregateYear, excessOfParts } from '../calculation/aggregate';
import { formatNumber } from '../../common/format/format';
import { groupBy } from '../../common/group-by';
import { t } from '../../common/i18n/text';
import type { AchievedEntry } from '../calculation/types';
import type { AchievedValue } from '../entities/achieved-value.entity';
import { isShareIndicator, type Indicator } from '../entities/indicator.entity';
import { rowError } from './batch-errors';
import type { RowError, RowOutcome } from './record-values.input';

interface PlannedRow {
  outcome: RowOutcome;
  indicator: Indicator;
  fields: Omit<AchievedValue, 'id' | 'version' | 'indicator' | 'partnerOrganisation' | 'enteredBy' | 'enteredAt'>;
  current: AchievedValue | null;
}

const FAR_FUTURE = '9999-12-31';

/**
 * Partners' parts that would add up to more than the partnership's total in a year ("od tega"
 * must not exceed the whole): refused on the rows that change a part or the total, unless the
 * batch confirms them with a reason. Checked on the state after the batch.
 */
export function partnerExcessErrors(planned: PlannedRow[], existing: AchievedValue[]): RowError[] {
  const touched = planned.filter((p) => p.outcome.action !== 'unchanged' && p.fields.dimension === null);
  const groupKey = (v: { indicatorId: number; year: number }) => `${v.indicatorId}|${v.year}`;
  const groups = groupBy(touched, (p) => groupKey(p.fields));
  const stored = groupBy(
    existing.filter((v) => v.dimension === null),
    groupKey,
  );
  const errors: RowError[] = [];
  for (const [key, rows] of groups) {
    const { indicator, fields } = rows[0];
    const replaced = new Set(rows.map((r) => r.current?.id).filter((id) => id !== undefined));
    const after: AchievedEntry[] = [
      ...(stored.get(key) ?? []).filter((v) => !replaced.has(v.id)),
      ...rows.map((r) => r.fields),
    ].map((v) => ({ ...v, partnerId: v.partnerOrganisationId }));
    const def = { aggregation: indicator.aggregation, isShare: isShareIndicator(indicator) };
    const period = { startDate: `${fields.year}-01-01`, endDate: `${fields.year}-12-31` };
    const total = aggregateYear(def, after.filter((e) => e.partnerId === null), period, fields.year, FAR_FUTURE);
    const partnerIds = [...new Set(after.flatMap((e) => (e.partnerId === null ? [] : [e.partnerId])))];
    const parts = partnerIds
      .map((id) => aggregateYear(def, after.filter((e) => e.partnerId === id), period, fields.year, FAR_FUTURE))
      .filter((a) => a !== null);
    for (const excess of excessOfParts(parts, total, def.isShare)) {
      const sum = formatNumber(excess.parts.toString(), { lang: 'sl' });
      const whole = formatNumber(excess.total.toString(), { lang: 'sl' });
      for (const r of rows) {
        errors.push({
          code: 'partner_excess',
          ...rowError(
            r.outcome.row,
            excess.what,
            t(
              `deli partnerjev (${sum}) presegajo skupno vrednost ${indicator.code} za ${fields.year} (${whole}); popravite ali potrdite z razlogom`,
              `the partners' parts (${sum}) exceed the total of ${indicator.code} for ${fields.year} (${whole}); correct them or confirm with a reason`,
            ),
          ),
        });
      }
    }
  }
  return errors;
}


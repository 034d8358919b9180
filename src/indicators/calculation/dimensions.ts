import type Decimal from 'decimal.js';
import { aggregateYear, excessOfParts } from './aggregate';
import type { AchievedEntry, Aggregate, IndicatorDef, PeriodDef } from './types';

export interface DimensionPartFigures {
  value: string;
  achieved: Decimal;
  numerator: Decimal | null;
  denominator: Decimal | null;
}

export interface DimensionFigures {
  dimension: string;
  parts: DimensionPartFigures[];
  /** True when the parts add up to more than the indicator's total for the year. */
  exceedsTotal: boolean;
}

export interface DimensionInput {
  indicator: Pick<IndicatorDef, 'aggregation' | 'isShare' | 'dimensions'>;
  achieved: readonly AchievedEntry[];
  period: PeriodDef;
  year: number;
  asOf: string;
  /** The indicator's total for the year, which the parts of each dimension are checked against. */
  total: Aggregate | null;
}

/**
 * The year's breakdowns of the total (partnership level only). Declared dimensions are always
 * listed, so a report keeps its columns in a year without data; an undeclared dimension that has
 * data is listed after them rather than dropped (validation reports it as an error). Values keep
 * the order in which they first appear, the order the coordinator entered them. A value whose
 * year part is unknown (a running total first entered in a later year, see `yearAggregate`) has
 * no figure for the year and is left out of the parts, like a value without entries in the year.
 */
export function dimensionBreakdown(input: DimensionInput): DimensionFigures[] {
  const groups = new Map<string, Map<string, AchievedEntry[]>>();
  for (const dimension of input.indicator.dimensions) groups.set(dimension, new Map());
  for (const entry of input.achieved) {
    if (entry.partnerId !== null || entry.dimension === null || entry.dimensionValue === null) continue;
    const byValue = groups.get(entry.dimension) ?? new Map<string, AchievedEntry[]>();
    byValue.set(entry.dimensionValue, [...(byValue.get(entry.dimensionValue) ?? []), entry]);
    groups.set(entry.dimension, byValue);
  }

  return [...groups.entries()].map(([dimension, byValue]) => {
    const aggregates: Array<{ value: string; aggregate: Aggregate }> = [];
    for (const [value, entries] of byValue) {
      const aggregate = aggregateYear(input.indicator, entries, input.period, input.year, input.asOf);
      if (aggregate) aggregates.push({ value, aggregate });
    }
    return {
      dimension,
      parts: aggregates.map(({ value, aggregate }) => ({
        value,
        achieved: aggregate.value,
        numerator: aggregate.numerator,
        denominator: aggregate.denominator,
      })),
      exceedsTotal:
        excessOfParts(
          aggregates.map((a) => a.aggregate),
          input.total,
          input.indicator.isShare,
        ).length > 0,
    };
  });
}

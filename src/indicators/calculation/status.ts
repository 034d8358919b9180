import Decimal from 'decimal.js';
import type { IndicatorStatus } from '../indicator-summary.types';
import { compareToTarget, satisfies } from './compare';
import { HUNDRED, ZERO } from './decimals';
import { elapsedFraction, minDate, yearWindow } from './periods';
import type { Aggregate, IndicatorDef, PeriodDef, Thresholds } from './types';

export interface StatusInput {
  indicator: Pick<IndicatorDef, 'aggregation' | 'direction' | 'isShare'>;
  planned: Decimal | null;
  plannedTotal: Decimal | null;
  achieved: Aggregate | null;
  /**
   * True when the year's value is unknown rather than missing: a running total first entered in a
   * later year of the funding period (see `yearAggregate`). Absent means false.
   */
  achievedUnknown?: boolean;
  achievedToDate: Aggregate | null;
  period: PeriodDef;
  year: number;
  asOf: string;
  thresholds: Pick<Thresholds, 'onTrackMarginPercent'>;
}

interface Judgement {
  indicator: StatusInput['indicator'];
  value: Aggregate | null;
  target: Decimal;
  start: string;
  end: string;
  asOf: string;
  margin: Margin;
}

/**
 * Status of an indicator in a year. A year target judges the year's value; without one, a
 * whole-period target judges the value to date. The whole-period view of year Y is taken at the
 * end of Y at the latest, so a 2020 report shows where 2020 left the project, not later years.
 *
 * When the year's value is unknown (not missing), a year target cannot judge it: the whole-period
 * target judges the value to date instead, if there is one. With only the year target, the year
 * is treated like a state without a value: nothing shows that the target was reached, so it is
 * at_risk while the year runs and not_met once it is over (which asks for an explanation). It is
 * deliberately not judged as 0 achieved, which would call an at_most target met.
 */
export function indicatorStatus(input: StatusInput): IndicatorStatus {
  const margin = marginOf(input.thresholds);
  const window = yearWindow(input.period, input.year);
  const unknown = input.achievedUnknown === true;
  if (input.planned !== null && !unknown) {
    return judge({
      indicator: input.indicator,
      value: input.achieved,
      target: input.planned,
      start: window.start,
      end: window.end,
      asOf: input.asOf,
      margin,
    });
  }
  if (input.plannedTotal !== null) {
    return judge({
      indicator: input.indicator,
      value: input.achievedToDate,
      target: input.plannedTotal,
      start: input.period.startDate,
      end: input.period.endDate,
      asOf: minDate(input.asOf, window.end),
      margin,
    });
  }
  if (input.planned !== null) return input.asOf >= window.end ? 'not_met' : 'at_risk';
  return 'no_target';
}

/** The on-track margin as the factors it gives, below and above 1 (15 %: 0.85 and 1.15). */
interface Margin {
  below: Decimal;
  above: Decimal;
}

/** Once per margin (a portfolio judges thousands of indicators with one; a Decimal never changes). */
const margins = new WeakMap<Decimal, Margin>();

function marginOf(thresholds: StatusInput['thresholds']): Margin {
  let margin = margins.get(thresholds.onTrackMarginPercent);
  if (!margin) {
    const fraction = thresholds.onTrackMarginPercent.div(HUNDRED);
    margin = { below: Decimal.sub(1, fraction), above: Decimal.add(1, fraction) };
    margins.set(thresholds.onTrackMarginPercent, margin);
  }
  return margin;
}

/**
 * elapsed × factor, once per pair: the elapsed fractions are shared (see `elapsedFraction`) and
 * so are the factors, and every accumulating indicator of a portfolio asks for the same product.
 */
const products = new WeakMap<Decimal, WeakMap<Decimal, Decimal>>();

function scaled(elapsed: Decimal, factor: Decimal): Decimal {
  let byFactor = products.get(elapsed);
  if (!byFactor) products.set(elapsed, (byFactor = new WeakMap()));
  let product = byFactor.get(factor);
  if (!product) byFactor.set(factor, (product = elapsed.times(factor)));
  return product;
}

function judge(j: Judgement): IndicatorStatus {
  const accumulates = !j.indicator.isShare && j.indicator.aggregation !== 'latest';
  return accumulates ? judgeAccumulating(j) : judgeState(j);
}

/**
 * sum and cumulative grow through the period, so while it runs they are compared with the target
 * scaled by the elapsed share of its days. Nothing recorded counts as nothing achieved.
 */
function judgeAccumulating(j: Judgement): IndicatorStatus {
  const value = j.value ?? { value: ZERO, numerator: null, denominator: null };
  const over = j.asOf >= j.end;
  const { elapsed, total } = elapsedFraction(j.start, j.end, j.asOf);

  if (j.indicator.direction === 'at_least') {
    if (satisfies('at_least', value, j.target)) return 'met';
    if (over) return 'not_met';
    const expectedAtLeast = scaled(elapsed, j.margin.below);
    return compareToTarget(value, j.target, expectedAtLeast, total) >= 0 ? 'on_track' : 'at_risk';
  }

  if (!satisfies('at_most', value, j.target)) {
    // Increments cannot be taken back, so a summed at_most target once exceeded stays missed;
    // a running total may still be restated downwards until the period ends.
    return j.indicator.aggregation === 'sum' || over ? 'not_met' : 'at_risk';
  }
  // Under an at_most target is only final when the period is over: the remaining days may still add.
  if (over) return 'met';
  const expectedAtMost = scaled(elapsed, j.margin.above);
  return compareToTarget(value, j.target, expectedAtMost, total) <= 0 ? 'on_track' : 'at_risk';
}

/**
 * Shares and latest values are states: they do not grow with time, so the target is not scaled.
 * A state that satisfies the target is met now; within the margin it is on track until the
 * period ends. Without any value there is nothing that could satisfy the target.
 */
function judgeState(j: Judgement): IndicatorStatus {
  const over = j.asOf >= j.end;
  if (j.value === null) return over ? 'not_met' : 'at_risk';
  if (satisfies(j.indicator.direction, j.value, j.target)) return 'met';
  if (over) return 'not_met';
  const within =
    j.indicator.direction === 'at_least'
      ? compareToTarget(j.value, j.target, j.margin.below) >= 0
      : compareToTarget(j.value, j.target, j.margin.above) <= 0;
  return within ? 'on_track' : 'at_risk';
}

import type Decimal from 'decimal.js';
import type { Aggregation, Direction } from '../indicator-summary.types';

/** What the calculation needs to know about an indicator (names and units stay with the caller). */
export interface IndicatorDef {
  id: number;
  aggregation: Aggregation;
  direction: Direction;
  isShare: boolean;
  /** Dimensions the achieved values may be broken down by, e.g. `['gender']`. */
  dimensions: string[];
}

/** One stored achieved value. */
export interface AchievedEntry {
  /** ISO dates; the period lies inside one calendar year. */
  periodStart: string;
  periodEnd: string;
  /** null = the whole partnership (the total). */
  partnerId: number | null;
  /** e.g. 'gender' / 'ženske'; both null when the value is not disaggregated. */
  dimension: string | null;
  dimensionValue: string | null;
  /** Decimal string; for a share the percentage, e.g. '40.32'. */
  value: string;
  /** Shares only, e.g. 25 and 62. */
  numerator: string | null;
  denominator: string | null;
}

export interface TargetEntry {
  /** null = the whole funding period. */
  year: number | null;
  partnerId: number | null;
  value: string;
  /** The date the target took effect; an amendment adds a new row and the old one stays. */
  validFrom: string;
}

/** The funding period (obdobje financiranja). */
export interface PeriodDef {
  startDate: string;
  endDate: string;
}

export interface Thresholds {
  /** How far below (at_least) or above (at_most) the expected value still counts as on track. */
  onTrackMarginPercent: Decimal;
  /** How far achievement may depart from 100 % before an explanation of deviations is required. */
  deviationThresholdPercent: Decimal;
}

/**
 * An aggregated achieved value. For a share, `value` is the exact percentage and numerator and
 * denominator are kept so that every later step can work from the counts, not the percentage;
 * they are null when the share came from entries that only carried a percentage.
 */
export interface Aggregate {
  value: Decimal;
  numerator: Decimal | null;
  denominator: Decimal | null;
}

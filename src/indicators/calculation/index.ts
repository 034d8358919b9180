export type {
  AchievedEntry,
  Aggregate,
  IndicatorDef,
  PeriodDef,
  TargetEntry,
  Thresholds,
} from './types';
export { DEFAULT_THRESHOLDS, makeThresholds } from './thresholds';
export { aggregateToDate, aggregateYear, yearAggregate, latestEntry, type YearAggregate } from './aggregate';
export { validTarget, yearTarget, periodTarget, sumOfYearTargets, lastYearTarget } from './targets';
export { partnerFigures, partnerWarning, type PartnerFigures } from './partners';
export { dimensionBreakdown, type DimensionFigures, type DimensionPartFigures } from './dimensions';
export { achievementPercent } from './achievement';
export { indicatorStatus, type StatusInput } from './status';
export { forecastToEnd, type ForecastInput, type ForecastResult } from './forecast';
export { explanationRequired, explanationOfDeviationsRequired, type ExplanationInput } from './explanations';
export { validateAchievedEntry, shareValue, unitErrors, UNIT_DECIMALS, type EntryError } from './validation';
export { toJsonNumber } from './format';
export {
  indicatorHeadline,
  summarizeIndicator,
  type IndicatorCalculation,
  type IndicatorHeadline,
  type PartnerResult,
  type SummarizeInput,
} from './summarize';

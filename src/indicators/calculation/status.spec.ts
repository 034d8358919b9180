import Decimal from 'decimal.js';
import { indicatorStatus, type StatusInput } from './status';
import { AS_PERIOD, anAggregate, anIndicator } from '../../../test/support/factories/calculation.factory';
import { DEFAULT_THRESHOLDS } from './thresholds';

function status(overrides: Partial<StatusInput>): ReturnType<typeof indicatorStatus> {
  return indicatorStatus({
    indicator: anIndicator(),
    planned: null,
    plannedTotal: null,
    achieved: null,
    achievedToDate: null,
    period: AS_PERIOD,
    year: 2020,
    asOf: '2021-01-15',
    thresholds: DEFAULT_THRESHOLDS,
    ...overrides,
  });
}

const sixty = new Decimal(60);
// 1. 7. 2020 is day 183 of 366: the expected value is 30 and 30 × 0.85 = 25.5 is still on track.
const MID_2020 = '2020-07-01';

describe('indicatorStatus with a year target (sum, at least)', () => {
  it('is met for the AS 62 of 60 in 2020, judged on 15. 1. 2021', () => {
    expect(status({ planned: sixty, achieved: anAggregate(62) })).toBe('met');
  });

  it('is not met for 55 of 60 once the year is over', () => {
    expect(status({ planned: sixty, achieved: anAggregate(55) })).toBe('not_met');
  });

  it('is on track mid-year with 27 against an expected 30 (at least 25.5)', () => {
    expect(status({ planned: sixty, achieved: anAggregate(27), asOf: MID_2020 })).toBe('on_track');
  });

  it('is at risk mid-year with 25 against an expected 30 (below 25.5)', () => {
    expect(status({ planned: sixty, achieved: anAggregate(25), asOf: MID_2020 })).toBe('at_risk');
  });

  it('is met mid-year once 61 already satisfies 60', () => {
    expect(status({ planned: sixty, achieved: anAggregate(61), asOf: MID_2020 })).toBe('met');
  });

  it('treats nothing recorded as nothing achieved: not met after the year', () => {
    expect(status({ planned: sixty, achieved: null })).toBe('not_met');
  });

  it('ends the partial year 2022 with the funding period on 30. 9. 2022', () => {
    expect(status({ planned: sixty, achieved: anAggregate(40), year: 2022, asOf: '2022-10-01' })).toBe('not_met');
  });

  it('is on track before the year has begun', () => {
    expect(status({ planned: sixty, achieved: null, year: 2021, asOf: '2020-12-01' })).toBe('on_track');
  });
});

describe('indicatorStatus with an at_most target', () => {
  const complaints = anIndicator({ direction: 'at_most' });
  const ten = new Decimal(10);

  it('is met when 8 stayed under a maximum of 10 for the year', () => {
    expect(status({ indicator: complaints, planned: ten, achieved: anAggregate(8) })).toBe('met');
  });

  it('is not met at once when a summed value passes the maximum mid-year: 11 of 10', () => {
    expect(status({ indicator: complaints, planned: ten, achieved: anAggregate(11), asOf: MID_2020 })).toBe('not_met');
  });

  it('is on track mid-year at 5 against an expected 5 (at most 5.75)', () => {
    expect(status({ indicator: complaints, planned: ten, achieved: anAggregate(5), asOf: MID_2020 })).toBe('on_track');
  });

  it('is at risk mid-year at 6 against an expected 5 (above 5.75)', () => {
    expect(status({ indicator: complaints, planned: ten, achieved: anAggregate(6), asOf: MID_2020 })).toBe('at_risk');
  });

  it('leaves a running total over the maximum at risk until the year ends, as it may be restated', () => {
    const cumulative = anIndicator({ direction: 'at_most', aggregation: 'cumulative' });
    expect(status({ indicator: cumulative, planned: ten, achieved: anAggregate(11), asOf: MID_2020 })).toBe('at_risk');
  });
});

describe('indicatorStatus for shares and latest values (no elapsed scaling)', () => {
  const share = anIndicator({ isShare: true });
  const quarter = new Decimal(25);

  it('is met for 25 of 62 (40.32 %) against at least 25 %', () => {
    expect(status({ indicator: share, planned: quarter, achieved: anAggregate('40.32', 25, 62) })).toBe('met');
  });

  it('is met mid-year as soon as the share satisfies the target', () => {
    const achieved = anAggregate('26.67', 4, 15);
    expect(status({ indicator: share, planned: quarter, achieved, asOf: '2020-03-01' })).toBe('met');
  });

  it('is on track mid-year at 22 % against 25 % (within 15 %: at least 21.25 %)', () => {
    const achieved = anAggregate(22, 11, 50);
    expect(status({ indicator: share, planned: quarter, achieved, asOf: MID_2020 })).toBe('on_track');
  });

  it('is at risk mid-year at 20 % against 25 %', () => {
    const achieved = anAggregate(20, 10, 50);
    expect(status({ indicator: share, planned: quarter, achieved, asOf: MID_2020 })).toBe('at_risk');
  });

  it('is not met at 22 % once the year is over', () => {
    expect(status({ indicator: share, planned: quarter, achieved: anAggregate(22, 11, 50) })).toBe('not_met');
  });

  it('is at risk mid-year without any value', () => {
    expect(status({ indicator: share, planned: quarter, achieved: null, asOf: MID_2020 })).toBe('at_risk');
  });

  it('is on track for a latest at_most value within the margin: 11 against at most 10', () => {
    const units = anIndicator({ aggregation: 'latest', direction: 'at_most' });
    const achieved = anAggregate(11);
    expect(status({ indicator: units, planned: new Decimal(10), achieved, asOf: MID_2020 })).toBe('on_track');
  });
});

describe('indicatorStatus with a whole-period target only', () => {
  // The AS period has 1104 days; on 31. 12. 2020, 466 have passed.
  const plannedTotal = new Decimal(180);

  it('is on track at the end of 2020 with 66 to date against an expected 75.98 × 0.85 = 64.58', () => {
    expect(status({ plannedTotal, achievedToDate: anAggregate(66) })).toBe('on_track');
  });

  it('is at risk at the end of 2020 with 60 to date', () => {
    expect(status({ plannedTotal, achievedToDate: anAggregate(60) })).toBe('at_risk');
  });

  it('judges the 2020 view at the end of 2020 even when asOf is after the funding period', () => {
    expect(status({ plannedTotal, achievedToDate: anAggregate(66), asOf: '2023-01-15' })).toBe('on_track');
  });

  it('is not met only once the funding period has ended', () => {
    const final = { plannedTotal, achievedToDate: anAggregate(170), year: 2022, asOf: '2022-10-15' };
    expect(status(final)).toBe('not_met');
  });

  it('is met once the value to date reaches the target', () => {
    expect(status({ plannedTotal, achievedToDate: anAggregate(180), year: 2021, asOf: '2021-06-30' })).toBe('met');
  });
});

describe('indicatorStatus without a target', () => {
  it('is no_target', () => {
    expect(status({ achieved: anAggregate(62) })).toBe('no_target');
  });
});

describe('indicatorStatus when the year’s value is unknown (a running total first entered in a later year)', () => {
  const cumulative = anIndicator({ aggregation: 'cumulative' });
  // The AS period has 1104 days; on 31. 12. 2020, 466 have passed: 180 × 466/1104 × 0.85 = 64.58.
  const plannedTotal = new Decimal(180);
  const unknownYear = { indicator: cumulative, planned: sixty, achieved: null, achievedUnknown: true };

  it('is judged by the value to date against the whole-period target: 66 is on track at the end of 2020', () => {
    expect(status({ ...unknownYear, plannedTotal, achievedToDate: anAggregate(66) })).toBe('on_track');
  });

  it('is met by a value to date of 180 against the whole-period target, whatever the year target', () => {
    expect(status({ ...unknownYear, plannedTotal, achievedToDate: anAggregate(180) })).toBe('met');
  });

  it('is not met after the year with only a year target, although 75 to date is above it', () => {
    expect(status({ ...unknownYear, achievedToDate: anAggregate(75) })).toBe('not_met');
  });

  it('is at risk while the year runs with only a year target', () => {
    expect(status({ ...unknownYear, achievedToDate: anAggregate(75), asOf: MID_2020 })).toBe('at_risk');
  });

  it('does not call an at_most year target met on an unknown value, as it would for nothing recorded', () => {
    const atMost = anIndicator({ aggregation: 'cumulative', direction: 'at_most' });
    expect(status({ ...unknownYear, indicator: atMost, achievedToDate: anAggregate(8) })).toBe('not_met');
  });

  it('is no_target without any target', () => {
    expect(status({ indicator: cumulative, achievedUnknown: true, achievedToDate: anAggregate(75) })).toBe('no_target');
  });
});

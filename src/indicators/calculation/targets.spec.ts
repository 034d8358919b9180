import { lastYearTarget, periodTarget, sumOfYearTargets, validTarget, yearTarget } from './targets';
import { AS_PERIOD, aTarget } from '../../../test/support/factories/calculation.factory';

describe('yearTarget', () => {
  it('gives the single target row for the year: 60 for 2020', () => {
    expect(yearTarget([aTarget({ value: '60' })], 2020, null)?.toString()).toBe('60');
  });

  it('keeps the old 2020 target when an amendment of 1. 3. 2021 changes it', () => {
    const rows = [aTarget({ value: '60' }), aTarget({ value: '70', validFrom: '2021-03-01' })];
    expect(yearTarget(rows, 2020, null)?.toString()).toBe('60');
  });

  it('applies an amendment of 1. 3. 2021 to the 2021 target', () => {
    const rows = [aTarget({ year: 2021, value: '60' }), aTarget({ year: 2021, value: '55', validFrom: '2021-03-01' })];
    expect(yearTarget(rows, 2021, null)?.toString()).toBe('55');
  });

  it('falls back to the earliest row when none had taken effect by the end of the year', () => {
    const rows = [aTarget({ value: '50', validFrom: '2021-06-01' }), aTarget({ value: '45', validFrom: '2021-02-01' })];
    expect(yearTarget(rows, 2020, null)?.toString()).toBe('45');
  });

  it('takes the later row in input order when two rows took effect on the same day', () => {
    const rows = [aTarget({ value: '60' }), aTarget({ value: '62' })];
    expect(validTarget(rows, 2020, null, '2020-12-31')?.value).toBe('62');
  });

  it('keeps a partner’s target apart from the partnership’s', () => {
    const rows = [aTarget({ value: '190' }), aTarget({ partnerId: 2, value: '40' })];
    expect([yearTarget(rows, 2020, null)?.toString(), yearTarget(rows, 2020, 2)?.toString()]).toEqual(['190', '40']);
  });

  it('gives null for a year without a target', () => {
    expect(yearTarget([aTarget({ value: '60' })], 2021, null)).toBeNull();
  });
});

describe('periodTarget', () => {
  const rows = [aTarget({ year: null, value: '180' }), aTarget({ year: null, value: '200', validFrom: '2021-03-01' })];

  it('gives a 2020 report the whole-period target as it stood at the end of 2020: 180', () => {
    expect(periodTarget(rows, null, 2020)?.toString()).toBe('180');
  });

  it('gives a 2021 report the amended whole-period target: 200', () => {
    expect(periodTarget(rows, null, 2021)?.toString()).toBe('200');
  });
});

describe('sumOfYearTargets and lastYearTarget', () => {
  const rows = [
    aTarget({ year: 2019, value: '10' }),
    aTarget({ year: 2020, value: '60' }),
    aTarget({ year: 2021, value: '60' }),
    aTarget({ year: 2021, value: '65', validFrom: '2021-03-01' }),
  ];

  it('adds the valid year targets over the AS funding period: 10 + 60 + 65 + 40 = 175', () => {
    const everyYear = [...rows, aTarget({ year: 2022, value: '40' })];
    expect(sumOfYearTargets(everyYear, AS_PERIOD, null)?.toString()).toBe('175');
  });

  it('gives null rather than the partial sum 135 when 2022 has no year target', () => {
    expect(sumOfYearTargets(rows, AS_PERIOD, null)).toBeNull();
  });

  it('gives null when only the partial first year 2019 lacks a target', () => {
    const from2020 = [aTarget({ year: 2020, value: '60' }), aTarget({ year: 2021, value: '60' }), aTarget({ year: 2022, value: '40' })];
    expect(sumOfYearTargets(from2020, AS_PERIOD, null)).toBeNull();
  });

  it('adds a partner’s year targets only when the partner has one for every year: 5 + 15 + 15 + 10 = 45', () => {
    const partner = [2019, 2020, 2021, 2022].map((year, i) => aTarget({ year, partnerId: 2, value: ['5', '15', '15', '10'][i] }));
    expect(sumOfYearTargets([...rows, ...partner], AS_PERIOD, 2)?.toString()).toBe('45');
  });

  it('gives null when no year has a target', () => {
    expect(sumOfYearTargets([aTarget({ year: null, value: '5' })], AS_PERIOD, null)).toBeNull();
  });

  it('takes the target of the last year that has one: 65 for 2021', () => {
    expect(lastYearTarget(rows, AS_PERIOD, null)?.toString()).toBe('65');
  });
});

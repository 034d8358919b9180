import { elapsedFraction, entryYear, yearWindow } from './periods';
import { AS_PERIOD } from '../../../test/support/factories/calculation.factory';

describe('yearWindow', () => {
  it('gives the partial first AS year 23. 9. – 31. 12. 2019', () => {
    expect(yearWindow(AS_PERIOD, 2019)).toEqual({ year: 2019, start: '2019-09-23', end: '2019-12-31', partial: true });
  });

  it('refuses a year outside the funding period', () => {
    expect(() => yearWindow(AS_PERIOD, 2023)).toThrow('Year 2023 is outside the funding period 2019-09-23 – 2022-09-30');
  });
});

describe('elapsedFraction', () => {
  it('counts 183 of 366 days on 1. 7. 2020', () => {
    const { elapsed, total } = elapsedFraction('2020-01-01', '2020-12-31', '2020-07-01');
    expect([elapsed.toNumber(), total.toNumber()]).toEqual([183, 366]);
  });

  it('counts nothing before the start', () => {
    expect(elapsedFraction('2020-01-01', '2020-12-31', '2019-12-31').elapsed.toNumber()).toBe(0);
  });

  it('counts everything after the end', () => {
    expect(elapsedFraction('2019-09-23', '2022-09-30', '2023-01-01').elapsed.toNumber()).toBe(1104);
  });
});

describe('entryYear', () => {
  it('reads the calendar year of an entry', () => {
    expect(entryYear({ periodStart: '2020-07-01' })).toBe(2020);
  });
});

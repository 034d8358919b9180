import Decimal from 'decimal.js';
import fc from 'fast-check';
import { reportedFigure } from '../../../test/support/arbitraries';
import { achievementPercent } from './achievement';
import { anAggregate } from '../../../test/support/factories/calculation.factory';

describe('achievementPercent', () => {
  it('gives 103.33 % for the 62 of 60 AS participants in 2020', () => {
    expect(achievementPercent(anAggregate(62), new Decimal(60))?.toString()).toBe('103.33');
  });

  it('computes a share from its counts: 25/62 against 25 % is 161.29, not 161.28 from the rounded 40.32', () => {
    expect(achievementPercent(anAggregate('40.32', 25, 62), new Decimal(25))?.toString()).toBe('161.29');
  });

  it('uses the stored percentage for a share without counts', () => {
    expect(achievementPercent(anAggregate('40.32'), new Decimal(25))?.toString()).toBe('161.28');
  });

  it('rounds half-up: 100.005 % becomes 100.01', () => {
    expect(achievementPercent(anAggregate('100.005'), new Decimal(100))?.toString()).toBe('100.01');
  });

  it('gives null without a target', () => {
    expect(achievementPercent(anAggregate(62), null)).toBeNull();
  });

  it('gives null against a target of 0', () => {
    expect(achievementPercent(anAggregate(3), new Decimal(0))).toBeNull();
  });

  it('gives null when nothing was achieved on record', () => {
    expect(achievementPercent(null, new Decimal(60))).toBeNull();
  });

  /** The rule as stated: the exact quotient in Decimal, rounded half-up once. */
  const reference = (value: Decimal, numerator: Decimal | null, denominator: Decimal | null, planned: Decimal) =>
    (numerator && denominator ? numerator.times(100).times(100).div(denominator.times(planned)) : value.times(100).div(planned)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

  it('equals the exact quotient rounded half-up, for values and for counts, whatever their size', () => {
    const counts = fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 2 ** 40 }));
    fc.assert(
      fc.property(reportedFigure, reportedFigure, counts, counts, fc.boolean(), (value, target, numerator, denominator, counted) => {
        const planned = new Decimal(target);
        fc.pre(!planned.isZero() && (!counted || denominator !== 0));
        const achieved = counted ? anAggregate(value, numerator, denominator) : anAggregate(value);
        const expected = reference(achieved.value, achieved.numerator, achieved.denominator, planned);
        const actual = achievementPercent(achieved, planned)!;
        expect(actual.toFixed()).toBe(expected.toFixed());
        expect(actual.isNegative()).toBe(expected.isNegative());
      }),
      { numRuns: 5000 },
    );
  });

  it('rounds ties away from zero, as toDecimalPlaces does', () => {
    expect(achievementPercent(anAggregate('0.01'), new Decimal(8))?.toString()).toBe('0.13');
    expect(achievementPercent(anAggregate('-0.01'), new Decimal(8))?.toString()).toBe('-0.13');
    expect(achievementPercent(anAggregate('1', 1, 8), new Decimal(100))?.toString()).toBe('12.5');
    expect(achievementPercent(anAggregate('1', 1, 16), new Decimal(50))?.toString()).toBe('12.5');
    expect(achievementPercent(anAggregate('1', 1, 16), new Decimal(80))?.toString()).toBe('7.81');
    expect(achievementPercent(anAggregate('1'), new Decimal(-3))?.toString()).toBe('-33.33');
    expect(achievementPercent(anAggregate('2'), new Decimal(3))?.toString()).toBe('66.67');
  });
});

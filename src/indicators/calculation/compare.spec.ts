import Decimal from 'decimal.js';
import fc from 'fast-check';
import { reportedFigure } from '../../../test/support/arbitraries';
import { compareToTarget, satisfies } from './compare';
import { anAggregate } from '../../../test/support/factories/calculation.factory';

describe('compareToTarget', () => {
  it('finds 1/3 (33.33… %) above 33.33 although it rounds to it', () => {
    expect(compareToTarget(anAggregate('33.33', 1, 3), new Decimal('33.33'))).toBe(1);
  });

  it('finds 1/3 below 33.34', () => {
    expect(compareToTarget(anAggregate('33.33', 1, 3), new Decimal('33.34'))).toBe(-1);
  });

  it('compares with a scaled target: 27 against 60 × 183/366 = 30', () => {
    expect(compareToTarget(anAggregate(27), new Decimal(60), new Decimal(183), new Decimal(366))).toBe(-1);
  });
});

describe('satisfies', () => {
  it('takes equality as meeting an at_least target', () => {
    expect(satisfies('at_least', anAggregate(60), new Decimal(60))).toBe(true);
  });

  it('takes equality as meeting an at_most target', () => {
    expect(satisfies('at_most', anAggregate(5), new Decimal(5))).toBe(true);
  });

  it('finds 6 over an at_most target of 5', () => {
    expect(satisfies('at_most', anAggregate(6), new Decimal(5))).toBe(false);
  });
});

describe('compareToTarget against the Decimal products it stands for', () => {
  const factor = fc.oneof(fc.constant('1'), fc.constantFrom('0.9', '1.1', '0.75', '365', '12'), reportedFigure);
  const count = fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 2 ** 40 }));

  it('gives the sign of achieved × divisor − target × factor, for values and for counts', () => {
    fc.assert(
      fc.property(reportedFigure, reportedFigure, factor, factor, count, count, fc.boolean(), (value, target, f, d, numerator, denominator, counted) => {
        const achieved = counted ? anAggregate(value, numerator, denominator) : anAggregate(value);
        const [t, fa, di] = [target, f, d].map((x) => new Decimal(x));
        const left = counted ? achieved.numerator!.times(100).times(di) : achieved.value.times(di);
        const right = counted ? t.times(fa).times(achieved.denominator!) : t.times(fa);
        expect(compareToTarget(achieved, t, fa, di)).toBe(left.comparedTo(right));
      }),
      { numRuns: 5000 },
    );
  });
});


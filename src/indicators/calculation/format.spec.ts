import Decimal from 'decimal.js';
import fc from 'fast-check';
import { decimalText } from '../../../test/support/arbitraries';
import { toJsonNumber } from './format';

describe('toJsonNumber', () => {
  it('rounds the AS share 25/62 to 40.32', () => {
    expect(toJsonNumber(new Decimal(25).times(100).div(62))).toBe(40.32);
  });

  it('rounds half-up: 2.345 becomes 2.35', () => {
    expect(toJsonNumber(new Decimal('2.345'))).toBe(2.35);
  });

  it('rounds to the decimals asked for', () => {
    expect(toJsonNumber(new Decimal('146.88412017'), 0)).toBe(147);
  });

  it('passes null through', () => {
    expect(toJsonNumber(null)).toBeNull();
  });

  it('gives the number Decimal prints, rounded half-up, for any decimal', () => {
    fc.assert(
      fc.property(decimalText, decimalText, fc.integer({ min: 0, max: 4 }), (a, b, decimals) => {
        const x = new Decimal(a);
        const y = new Decimal(b);
        for (const d of [x, x.plus(y), y.isZero() ? x : x.times(100).div(y)]) {
          expect(toJsonNumber(d, decimals)).toBe(d.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toNumber());
        }
      }),
      { numRuns: 3000 },
    );
  });
});

import Decimal from 'decimal.js';
import fc from 'fast-check';
import { decimalText, decimalTexts } from '../../../test/support/arbitraries';
import { scaledInteger, sumOf, sumOfTexts, toDecimal } from './decimals';

const asDecimal = (texts: string[]) => sumOf(texts.map((t) => toDecimal(t))).toFixed();

describe('sumOfTexts', () => {
  it('adds stored values as Decimal prints their sum', () => {
    expect(sumOfTexts(['2500.25', '1200.25', '100'])).toBe('3800.5');
    expect(sumOfTexts(['0.1', '0.2'])).toBe('0.3');
    expect(sumOfTexts(['0.001', '0.009'])).toBe('0.01');
    expect(sumOfTexts(['007', '3'])).toBe('10');
    expect(sumOfTexts(['0', '0.00'])).toBe('0');
  });

  it('leaves signs, spaces, exponents and wide numbers to Decimal', () => {
    for (const texts of [['-1.5', '2'], [' 3 ', '4'], ['+2', '1'], ['.5', '1'], ['999999999999999.5', '1'], ['4503599627370495', '4503599627370497']]) {
      expect(sumOfTexts(texts)).toBe(asDecimal(texts));
    }
  });

  it('refuses what is not a decimal number, as toDecimal does', () => {
    expect(() => sumOfTexts(['1', 'abc'])).toThrow(RangeError);
  });

  it('agrees with Decimal for any unsigned stored values', () => {
    const text = decimalTexts({ signed: false, maxDigits: 16, maxScale: 8 });
    fc.assert(fc.property(fc.array(text, { minLength: 1, maxLength: 12 }), (texts) => sumOfTexts(texts) === asDecimal(texts)), { numRuns: 2000 });
  });
});

describe('toDecimal', () => {
  it('answers the same value for a text it has parsed before', () => {
    expect(toDecimal('40.32').toFixed()).toBe('40.32');
    expect(toDecimal('40.32')).toBe(toDecimal('40.32'));
    expect(() => toDecimal('4e2')).toThrow(RangeError);
  });
});

describe('scaledInteger', () => {
  /** What it must answer, from Decimal's public arithmetic. */
  const reference = (d: Decimal, scale: number) => {
    if (!d.isFinite() || d.decimalPlaces() > scale) return undefined;
    const whole = d.times(new Decimal(10).pow(scale));
    return whole.abs().lte(Number.MAX_SAFE_INTEGER) ? whole.toNumber() : undefined;
  };

  it('reads whole numbers of hundredths off the decimal', () => {
    expect(scaledInteger(new Decimal('40.32'), 2)).toBe(4032);
    expect(scaledInteger(new Decimal('382188.56'), 2)).toBe(38218856);
    expect(scaledInteger(new Decimal('-1.5'), 2)).toBe(-150);
    expect(scaledInteger(new Decimal('12345678.1'), 2)).toBe(1234567810);
    expect(scaledInteger(new Decimal('0.07'), 2)).toBe(7);
    expect(scaledInteger(new Decimal('1e20'), 0)).toBeUndefined();
    expect(scaledInteger(new Decimal('2.345'), 2)).toBeUndefined();
    expect(scaledInteger(new Decimal('2.345'), 3)).toBe(2345);
    expect(scaledInteger(new Decimal(0), 2)).toBe(0);
    expect(scaledInteger(new Decimal(NaN), 2)).toBeUndefined();
    expect(scaledInteger(new Decimal(Infinity), 2)).toBeUndefined();
  });

  it('agrees with Decimal for any decimal and scale', () => {
    fc.assert(
      fc.property(decimalText, fc.integer({ min: 0, max: 9 }), (text, scale) => {
        const d = new Decimal(text);
        expect(scaledInteger(d, scale)).toBe(reference(d, scale));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with Decimal for results of arithmetic (shares, sums, forecasts)', () => {
    fc.assert(
      fc.property(decimalText, decimalText, fc.integer({ min: 0, max: 4 }), (a, b, scale) => {
        const x = new Decimal(a);
        const y = new Decimal(b);
        for (const d of [x.plus(y), x.times(y), y.isZero() ? x : x.times(100).div(y), x.toDecimalPlaces(scale, Decimal.ROUND_HALF_UP)]) {
          expect(scaledInteger(d, scale)).toBe(reference(d, scale));
        }
      }),
      { numRuns: 3000 },
    );
  });
});

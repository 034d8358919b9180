import fc from 'fast-check';
import { sumOf, sumOfTexts, toDecimal } from './decimals';

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
    const text = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 16n }), fc.integer({ min: 0, max: 8 }))
      .map(([digits, scale]) => {
        const s = digits.toString().padStart(scale + 1, '0');
        return scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
      });
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

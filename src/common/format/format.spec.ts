import fc from 'fast-check';
import {
  formatDate,
  formatDateRange,
  formatEur,
  formatNumber,
  formatPercent,
  isoDateToUtc,
  percentToFraction,
} from './format';

const NBSP = '\u00A0';
const MINUS = '\u2212';

describe('formatNumber', () => {
  it('groups four-digit numbers in Slovene (5.503)', () => {
    expect(formatNumber(5503, { lang: 'sl' })).toBe('5.503');
  });

  it('writes decimals with a comma and a fixed count when asked', () => {
    expect(formatNumber(250109.76, { lang: 'sl', decimals: 2 })).toBe('250.109,76');
    expect(formatNumber(60, { lang: 'sl', decimals: 2 })).toBe('60,00');
  });

  it('shows up to two decimals when no count is given', () => {
    expect(formatNumber(205.5, { lang: 'sl' })).toBe('205,5');
    expect(formatNumber(22830, { lang: 'en' })).toBe('22,830');
  });

  it('rounds half-up on the decimal value, not the float', () => {
    expect(formatNumber(1.005, { lang: 'en', decimals: 2 })).toBe('1.01');
    expect(formatNumber('0.125', { lang: 'sl', decimals: 2 })).toBe('0,13');
  });

  it('uses U+2212 for negatives in both languages and never prints −0', () => {
    expect(formatNumber(-1234.5, { lang: 'sl', decimals: 2 })).toBe(`${MINUS}1.234,50`);
    expect(formatNumber(-1234.5, { lang: 'en', decimals: 2 })).toBe(`${MINUS}1,234.50`);
    expect(formatNumber(-0.001, { lang: 'sl', decimals: 2 })).toBe('0,00');
  });
});

describe('formatPercent', () => {
  it('puts a no-break space before % in Slovene', () => {
    expect(formatPercent(40.32, { lang: 'sl' })).toBe(`40,32${NBSP}%`);
  });

  it('writes 40.32% in English', () => {
    expect(formatPercent(40.32, { lang: 'en' })).toBe('40.32%');
  });
});

describe('formatEur', () => {
  it('formats 382.188,56 € in Slovene', () => {
    expect(formatEur('382188.56', { lang: 'sl' })).toBe(`382.188,56${NBSP}€`);
  });

  it('formats €382,188.56 in English, sign before the symbol', () => {
    expect(formatEur(382188.56, { lang: 'en' })).toBe('€382,188.56');
    expect(formatEur(-5, { lang: 'en' })).toBe(`${MINUS}€5.00`);
  });
});

describe('dates', () => {
  it('formats 23. 9. 2019 and 23 Sep 2019', () => {
    expect(formatDate('2019-09-23', 'sl')).toBe('23. 9. 2019');
    expect(formatDate('2019-09-23', 'en')).toBe('23 Sep 2019');
  });

  it('formats a period with an en dash', () => {
    expect(formatDateRange('2019-09-23', '2022-09-30', 'sl')).toBe('23. 9. 2019 – 30. 9. 2022');
  });

  it('rejects an impossible date', () => {
    expect(() => formatDate('2021-02-30', 'sl')).toThrow(RangeError);
  });

  it('builds spreadsheet dates at midnight UTC', () => {
    expect(isoDateToUtc('2019-09-23').toISOString()).toBe('2019-09-23T00:00:00.000Z');
  });
});

describe('percentToFraction', () => {
  it('turns 40.32 into 0.4032 and 103.33 into 1.0333', () => {
    expect(percentToFraction(40.32)).toBe(0.4032);
    expect(percentToFraction(103.33)).toBe(1.0333);
    expect(percentToFraction(25)).toBe(0.25);
  });

  it('always agrees with the Slovene display to two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (hundredths) => {
        const percent = hundredths / 100;
        const text = formatPercent(percent, { lang: 'sl' }).replace(/[.\u00A0%]/g, '');
        const back = Number(text.replace(MINUS, '-').replace(',', '.'));
        expect(back).toBeCloseTo(percentToFraction(percent) * 100, 6);
      }),
    );
  });
});

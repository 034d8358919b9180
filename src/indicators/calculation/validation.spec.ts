import { shareValue, validateAchievedEntry } from './validation';
import { AS_PERIOD, aShareEntry, anEntry, anIndicator } from '../../../test/support/factories/calculation.factory';

const count = anIndicator({ dimensions: ['gender'] });
const share = anIndicator({ isShare: true, aggregation: 'latest' });
const summedShare = anIndicator({ isShare: true, aggregation: 'sum' });

function messages(...args: Parameters<typeof validateAchievedEntry>): string[] {
  return validateAchievedEntry(...args).map((e) => `${e.field}: ${e.message.en}`);
}

describe('shareValue', () => {
  it('gives 40.32 for 25 of 62', () => {
    expect(shareValue(25, 62)).toBe('40.32');
  });

  it('rounds half-up: 1 of 8 is 12.50, 1 of 200 is 0.50, 1 of 3 is 33.33', () => {
    expect([shareValue(1, 8), shareValue(1, 200), shareValue(1, 3)]).toEqual(['12.50', '0.50', '33.33']);
  });

  it('refuses a denominator of 0', () => {
    expect(() => shareValue(1, 0)).toThrow('denominator must be greater than 0');
  });
});

describe('validateAchievedEntry', () => {
  it('accepts the AS count of 62 for 2020', () => {
    expect(messages(count, anEntry({ value: '62' }))).toEqual([]);
  });

  it('accepts the AS share 25 of 62 stored as 40.32', () => {
    expect(messages(share, aShareEntry(25, 62))).toEqual([]);
  });

  it('accepts a share whose value is left for the API to fill from the counts', () => {
    expect(messages(share, aShareEntry(25, 62, { value: '' }))).toEqual([]);
  });

  it('refuses a negative value', () => {
    expect(messages(count, anEntry({ value: '-3' }))).toEqual(['value: value must not be negative']);
  });

  it('refuses a value that is not a decimal number', () => {
    expect(messages(count, anEntry({ value: '1e3' }))).toEqual(['value: value must be a decimal number']);
  });

  it('refuses a numerator above the denominator', () => {
    expect(messages(share, aShareEntry(63, 62, { value: '' }))).toEqual(['numerator: numerator must not exceed denominator']);
  });

  it('refuses a share above 100 %', () => {
    expect(messages(share, anEntry({ value: '101' }))).toEqual(['value: a share must be between 0 and 100 %']);
  });

  it('refuses a denominator of 0', () => {
    expect(messages(share, anEntry({ value: '', numerator: '0', denominator: '0' }))).toEqual([
      'denominator: denominator must be greater than 0',
    ]);
  });

  it('refuses a value that does not match the counts', () => {
    expect(messages(share, aShareEntry(25, 62, { value: '40.30' }))).toEqual([
      'value: value must equal numerator / denominator × 100 rounded to 2 decimals (40.32)',
    ]);
  });

  it('refuses a numerator without a denominator', () => {
    expect(messages(share, anEntry({ value: '40', numerator: '25' }))).toEqual([
      'denominator: numerator and denominator must be given together',
    ]);
  });

  it('refuses a summed share without counts, since percentages cannot be added', () => {
    expect(messages(summedShare, anEntry({ value: '40.32' }))).toEqual([
      'numerator: a share summed over periods needs numerator and denominator',
    ]);
  });

  it('refuses counts on an indicator that is not a share', () => {
    expect(messages(count, aShareEntry(25, 62))).toEqual(['numerator: numerator and denominator are only for share indicators']);
  });

  it('refuses a dimension the indicator does not declare', () => {
    expect(messages(count, anEntry({ value: '5', dimension: 'age', dimensionValue: '15–29' }))).toEqual([
      'dimension: dimension "age" is not declared for this indicator',
    ]);
  });

  it('refuses a dimension without a value', () => {
    expect(messages(count, anEntry({ value: '5', dimension: 'gender' }))).toEqual([
      'dimensionValue: dimensionValue is required when dimension is given',
    ]);
  });

  it('refuses a partner’s part broken down by dimension, which no total would count', () => {
    expect(messages(count, anEntry({ value: '5', partnerId: 2, dimension: 'gender', dimensionValue: 'ženske' }))).toEqual([
      "dimension: a partner's part cannot also be broken down by dimension",
    ]);
  });

  it('refuses a period that ends before it starts', () => {
    expect(messages(count, anEntry({ value: '5', periodStart: '2020-06-30', periodEnd: '2020-06-01' }))).toEqual([
      'periodEnd: periodEnd must not be before periodStart',
    ]);
  });

  it('refuses a period across two calendar years', () => {
    expect(messages(count, anEntry({ value: '5', periodStart: '2020-10-01', periodEnd: '2021-03-31' }))).toEqual([
      'periodEnd: the period must lie within one calendar year',
    ]);
  });

  it('refuses a date that does not exist', () => {
    expect(messages(count, anEntry({ value: '5', periodEnd: '2021-02-29', periodStart: '2021-01-01' }))).toEqual([
      'periodEnd: periodEnd must be a date (YYYY-MM-DD)',
    ]);
  });

  it('refuses a period outside the funding period when one is given', () => {
    const early = anEntry({ value: '5', periodStart: '2019-01-01', periodEnd: '2019-06-30' });
    expect(messages(count, early, AS_PERIOD)).toEqual(['periodStart: the period must overlap the funding period']);
  });

  it('reports every problem at once', () => {
    expect(messages(share, anEntry({ value: '120', numerator: '70', denominator: '62', dimension: 'age', dimensionValue: 'x' }))).toHaveLength(4);
  });
});

import { dimensionBreakdown } from './dimensions';
import { AS_PERIOD, aShareEntry, anAggregate, anEntry, anIndicator } from '../../../test/support/factories/calculation.factory';
import type { AchievedEntry, Aggregate, IndicatorDef } from './types';

function breakdown(indicator: IndicatorDef, achieved: AchievedEntry[], total: Aggregate | null) {
  return dimensionBreakdown({ indicator, achieved, period: AS_PERIOD, year: 2020, asOf: '2021-01-15', total });
}

const byGender = anIndicator({ dimensions: ['gender'] });
const women = (value: string, more: Partial<AchievedEntry> = {}) =>
  anEntry({ dimension: 'gender', dimensionValue: 'ženske', value, ...more });
const men = (value: string) => anEntry({ dimension: 'gender', dimensionValue: 'moški', value });

describe('dimensionBreakdown', () => {
  it('splits the 62 AS participants into 36 women and 26 men without exceeding the total', () => {
    const result = breakdown(byGender, [women('36'), men('26')], anAggregate(62));
    expect(result).toHaveLength(1);
    expect(result[0].parts.map((p) => [p.value, p.achieved.toString()])).toEqual([
      ['ženske', '36'],
      ['moški', '26'],
    ]);
    expect(result[0].exceedsTotal).toBe(false);
  });

  it('aggregates each value over time with the indicator’s rule: 20 + 16 = 36 women', () => {
    const entries = [women('20', { periodEnd: '2020-06-30' }), women('16', { periodStart: '2020-07-01' })];
    expect(breakdown(byGender, entries, anAggregate(62))[0].parts[0].achieved.toString()).toBe('36');
  });

  it('flags parts of 40 + 26 = 66 over a total of 62', () => {
    expect(breakdown(byGender, [women('40'), men('26')], anAggregate(62))[0].exceedsTotal).toBe(true);
  });

  it('lists a declared dimension without data with no parts', () => {
    expect(breakdown(byGender, [], anAggregate(62))).toEqual([{ dimension: 'gender', parts: [], exceedsTotal: false }]);
  });

  it('lists an undeclared dimension that has data after the declared ones instead of dropping it', () => {
    const entries = [anEntry({ dimension: 'age_group', dimensionValue: '15–29', value: '12' })];
    expect(breakdown(byGender, entries, anAggregate(62)).map((d) => d.dimension)).toEqual(['gender', 'age_group']);
  });

  it('keeps a share breakdown’s counts and checks them against the total’s: 13 + 12 of 30 + 32', () => {
    const share = anIndicator({ isShare: true, dimensions: ['gender'] });
    const entries = [
      aShareEntry(13, 30, { dimension: 'gender', dimensionValue: 'ženske' }),
      aShareEntry(12, 32, { dimension: 'gender', dimensionValue: 'moški' }),
    ];
    const [gender] = breakdown(share, entries, anAggregate('40.32', 25, 62));
    expect(gender.parts.map((p) => [p.numerator?.toString(), p.denominator?.toString()])).toEqual([
      ['13', '30'],
      ['12', '32'],
    ]);
    expect(gender.exceedsTotal).toBe(false);
  });

  it('leaves out a running total by gender first entered in 2020, whose 2020 part is unknown (AS from 23. 9. 2019)', () => {
    const cumulative = anIndicator({ aggregation: 'cumulative', dimensions: ['gender'] });
    const entries = [
      women('30', { periodStart: '2019-10-01', periodEnd: '2019-12-31' }),
      women('36'),
      men('26'),
    ];
    expect(breakdown(cumulative, entries, null)[0].parts.map((p) => [p.value, p.achieved.toString()])).toEqual([
      ['ženske', '6'],
    ]);
  });

  it('leaves partners’ entries out of the partnership breakdown', () => {
    const entries = [women('36'), { ...men('26'), partnerId: 2 }];
    expect(breakdown(byGender, entries, anAggregate(62))[0].parts.map((p) => p.value)).toEqual(['ženske']);
  });
});

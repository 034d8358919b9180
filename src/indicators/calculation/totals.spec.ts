import { entriesByPartner, totalSource, totalToDate, yearTotal } from './totals';
import { KCM_PERIOD, aShareEntry, anEntry, anIndicator } from '../../../test/support/factories/calculation.factory';

const events = anIndicator();

describe('totalSource', () => {
  it('uses the total entries when the partnership total was recorded', () => {
    const entries = [anEntry({ value: '190' }), anEntry({ partnerId: 2, value: '42' })];
    expect(totalSource(entries, KCM_PERIOD, '2021-01-15')).toBe('entries');
  });

  it('falls back to partners’ parts when no total was recorded', () => {
    expect(totalSource([anEntry({ partnerId: 2, value: '42' })], KCM_PERIOD, '2021-01-15')).toBe('parts');
  });

  it('has no source without entries known on asOf', () => {
    expect(totalSource([anEntry({ value: '190' })], KCM_PERIOD, '2019-12-31')).toBe('none');
  });
});

describe('totals from parts', () => {
  it('adds partners’ year values: 42 + 148 = 190', () => {
    const entries = [anEntry({ partnerId: 2, value: '42' }), anEntry({ partnerId: 3, value: '148' })];
    expect(yearTotal(events, entries, KCM_PERIOD, 2020, '2021-01-15', 'parts').aggregate?.value.toString()).toBe('190');
  });

  it('adds partners’ latest running totals for a cumulative indicator: 30 + 12 = 42', () => {
    const cumulative = anIndicator({ aggregation: 'cumulative' });
    const entries = [
      anEntry({ partnerId: 2, periodEnd: '2020-06-30', value: '20' }),
      anEntry({ partnerId: 2, periodStart: '2020-07-01', value: '30' }),
      anEntry({ partnerId: 3, value: '12' }),
    ];
    expect(totalToDate(cumulative, entries, KCM_PERIOD, '2020-12-31', 'parts')?.value.toString()).toBe('42');
  });

  it('adds partners’ counts for a share: 10/30 and 15/32 give 25/62', () => {
    const share = anIndicator({ isShare: true });
    const entries = [aShareEntry(10, 30, { partnerId: 2 }), aShareEntry(15, 32, { partnerId: 3 })];
    const total = yearTotal(share, entries, KCM_PERIOD, 2020, '2021-01-15', 'parts').aggregate;
    expect([total?.numerator?.toString(), total?.denominator?.toString()]).toEqual(['25', '62']);
  });

  it('ignores partners’ parts when the total comes from total entries', () => {
    const entries = [anEntry({ value: '190' }), anEntry({ partnerId: 2, value: '42' })];
    expect(yearTotal(events, entries, KCM_PERIOD, 2020, '2021-01-15', 'entries').aggregate?.value.toString()).toBe('190');
  });
});

describe('yearTotal of running totals (KCM, funding period from 6. 9. 2019)', () => {
  const cumulative = anIndicator({ aggregation: 'cumulative' });

  it('is unknown when one partner first entered its running total of 12 in 2020', () => {
    const entries = [
      anEntry({ partnerId: 2, periodStart: '2019-10-01', periodEnd: '2019-12-31', value: '20' }),
      anEntry({ partnerId: 2, value: '30' }),
      anEntry({ partnerId: 3, value: '12' }),
    ];
    expect(yearTotal(cumulative, entries, KCM_PERIOD, 2020, '2021-01-15', 'parts')).toEqual({ aggregate: null, unknown: true });
  });

  it('adds the partners’ growth when every partner had an earlier running total: (30 − 20) + (12 − 5) = 17', () => {
    const entries = [
      anEntry({ partnerId: 2, periodStart: '2019-10-01', periodEnd: '2019-12-31', value: '20' }),
      anEntry({ partnerId: 2, value: '30' }),
      anEntry({ partnerId: 3, periodStart: '2019-10-01', periodEnd: '2019-12-31', value: '5' }),
      anEntry({ partnerId: 3, value: '12' }),
    ];
    const total = yearTotal(cumulative, entries, KCM_PERIOD, 2020, '2021-01-15', 'parts');
    expect([total.aggregate?.value.toString(), total.unknown]).toEqual(['17', false]);
  });

  it('is unknown from total entries when the partnership’s running total of 190 is first entered in 2020', () => {
    const total = yearTotal(cumulative, [anEntry({ value: '190' })], KCM_PERIOD, 2020, '2021-01-15', 'entries');
    expect(total).toEqual({ aggregate: null, unknown: true });
  });
});

describe('entriesByPartner', () => {
  it('groups partner entries by ascending partner id, leaving out totals and breakdowns', () => {
    const entries = [
      anEntry({ partnerId: 3, value: '1' }),
      anEntry({ value: '190' }),
      anEntry({ partnerId: 2, value: '42' }),
      anEntry({ partnerId: 2, dimension: 'gender', dimensionValue: 'ženske', value: '20' }),
    ];
    const groups = entriesByPartner(entries);
    expect([...groups.keys()]).toEqual([2, 3]);
    expect(groups.get(2)?.map((e) => e.value)).toEqual(['42']);
  });
});

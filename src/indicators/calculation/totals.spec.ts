import { entriesByPartner, totalForYear, totalSource, totalToDate } from './totals';
import { KCM_PERIOD, aShareEntry, anEntry, anIndicator } from './test-factories';

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
    expect(totalForYear(events, entries, KCM_PERIOD, 2020, '2021-01-15', 'parts')?.value.toString()).toBe('190');
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
    const total = totalForYear(share, entries, KCM_PERIOD, 2020, '2021-01-15', 'parts');
    expect([total?.numerator?.toString(), total?.denominator?.toString()]).toEqual(['25', '62']);
  });

  it('ignores partners’ parts when the total comes from total entries', () => {
    const entries = [anEntry({ value: '190' }), anEntry({ partnerId: 2, value: '42' })];
    expect(totalForYear(events, entries, KCM_PERIOD, 2020, '2021-01-15', 'entries')?.value.toString()).toBe('190');
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

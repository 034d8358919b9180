import {
  aggregateToDate,
  aggregateYear,
  combine,
  entryAggregate,
  excessOfParts,
  latestEntry,
  yearAggregate,
} from './aggregate';
import { AS_PERIOD, aShareEntry, anAggregate, anEntry, anIndicator } from '../../../test/support/factories/calculation.factory';

const sum = anIndicator({ aggregation: 'sum' });
const cumulative = anIndicator({ aggregation: 'cumulative' });
const latest = anIndicator({ aggregation: 'latest' });

describe('latestEntry', () => {
  it('picks the entry with the latest periodEnd', () => {
    const entries = [
      anEntry({ periodEnd: '2020-06-30', value: '1' }),
      anEntry({ periodEnd: '2020-09-30', value: '2' }),
      anEntry({ periodEnd: '2020-03-31', value: '3' }),
    ];
    expect(latestEntry(entries)?.value).toBe('2');
  });

  it('breaks a tie on periodEnd by the latest periodStart', () => {
    const entries = [
      anEntry({ periodStart: '2020-07-01', periodEnd: '2020-12-31', value: 'quarter' }),
      anEntry({ periodStart: '2020-01-01', periodEnd: '2020-12-31', value: 'year' }),
    ];
    expect(latestEntry(entries)?.value).toBe('quarter');
  });

  it('breaks a full tie by the later entry in input order', () => {
    const entries = [anEntry({ value: 'first' }), anEntry({ value: 'second' })];
    expect(latestEntry(entries)?.value).toBe('second');
  });
});

describe('sum aggregation', () => {
  const entries = [
    anEntry({ periodStart: '2019-09-23', periodEnd: '2019-12-31', value: '10' }),
    anEntry({ periodStart: '2020-01-01', periodEnd: '2020-06-30', value: '30' }),
    anEntry({ periodStart: '2020-07-01', periodEnd: '2020-12-31', value: '32' }),
    anEntry({ periodStart: '2021-01-01', periodEnd: '2021-03-31', value: '5' }),
  ];

  it('gives the year value as the sum of the entries in the year: 30 + 32 = 62', () => {
    expect(aggregateYear(sum, entries, AS_PERIOD, 2020, '2021-06-30')?.value.toString()).toBe('62');
  });

  it('gives the value to date from the funding period start to the end of the year: 10 + 62 = 72', () => {
    expect(aggregateToDate(sum, entries, AS_PERIOD, '2020-12-31')?.value.toString()).toBe('72');
  });

  it('stops the value to date at an earlier asOf: 10 + 30 = 40 on 2020-06-30', () => {
    expect(aggregateToDate(sum, entries, AS_PERIOD, '2020-06-30')?.value.toString()).toBe('40');
  });

  it('counts an entry from the first day of its period, so a running whole-year entry shows mid-year', () => {
    const running = [anEntry({ periodStart: '2021-01-01', periodEnd: '2021-12-31', value: '17' })];
    expect(aggregateYear(sum, running, AS_PERIOD, 2021, '2021-05-01')?.value.toString()).toBe('17');
  });

  it('leaves out an entry whose period starts after asOf', () => {
    expect(aggregateYear(sum, entries, AS_PERIOD, 2020, '2020-06-30')?.value.toString()).toBe('30');
  });

  it('leaves out an entry that ends before the funding period starts', () => {
    const before = [...entries, anEntry({ periodStart: '2019-01-01', periodEnd: '2019-06-30', value: '99' })];
    expect(aggregateYear(sum, before, AS_PERIOD, 2019, '2020-01-15')?.value.toString()).toBe('10');
  });

  it('gives null, not 0, for a year without entries', () => {
    expect(aggregateYear(sum, entries, AS_PERIOD, 2022, '2022-12-31')).toBeNull();
  });
});

describe('cumulative aggregation', () => {
  const running = [
    anEntry({ periodStart: '2020-01-01', periodEnd: '2020-03-31', value: '10' }),
    anEntry({ periodStart: '2020-04-01', periodEnd: '2020-06-30', value: '25' }),
    anEntry({ periodStart: '2021-01-01', periodEnd: '2021-03-31', value: '40' }),
  ];

  it('takes the latest running total to date (40), never the sum 75', () => {
    expect(aggregateToDate(cumulative, running, AS_PERIOD, '2021-12-31')?.value.toString()).toBe('40');
  });

  it('gives the first year the latest running total in it: 25 when the funding period starts on 1. 3. 2020', () => {
    const fromMarch2020 = { startDate: '2020-03-01', endDate: '2022-09-30' };
    expect(aggregateYear(cumulative, running, fromMarch2020, 2020, '2021-12-31')?.value.toString()).toBe('25');
  });

  it('gives the first year the running total also when the funding period starts on 1. 1. 2020: 25', () => {
    const fromJanuary2020 = { startDate: '2020-01-01', endDate: '2022-12-31' };
    expect(aggregateYear(cumulative, running, fromJanuary2020, 2020, '2021-12-31')?.value.toString()).toBe('25');
  });

  it('gives a later year the growth within it: 40 − 25 = 15', () => {
    expect(aggregateYear(cumulative, running, AS_PERIOD, 2021, '2021-12-31')?.value.toString()).toBe('15');
  });

  it('takes the latest running total up to the cut-off: 25 at the end of 2020', () => {
    expect(aggregateToDate(cumulative, running, AS_PERIOD, '2020-12-31')?.value.toString()).toBe('25');
  });
});

describe('cumulative aggregation of a running total first entered after the first reporting year', () => {
  // An operation of 1. 9. 2018 – 30. 12. 2020 whose source gives only totals for the whole operation.
  const operation = { startDate: '2018-09-01', endDate: '2020-12-30' };
  const wholeOperation = [anEntry({ periodStart: '2020-01-01', periodEnd: '2020-12-30', value: '75' })];
  // Funds acquired for 1. 11. 2019 – 1. 1. 2021, entered in 2020 under the period 2019-11-01..2022-01-31.
  const fundsPeriod = { startDate: '2019-11-01', endDate: '2022-01-31' };
  const funds = [anEntry({ value: '250109.76' })];

  it('gives the operation’s 2020 no year value: the 75 grew over 2018–2020 in unknown parts', () => {
    expect(aggregateYear(cumulative, wholeOperation, operation, 2020, '2021-01-15')).toBeNull();
  });

  it('marks the operation’s 2020 value as unknown, not as missing', () => {
    expect(yearAggregate(cumulative, wholeOperation, operation, 2020, '2021-01-15')).toEqual({ aggregate: null, unknown: true });
  });

  it('keeps the operation’s value to date at the running total of 75', () => {
    expect(aggregateToDate(cumulative, wholeOperation, operation, '2020-12-30')?.value.toString()).toBe('75');
  });

  it('gives the funds acquired no 2020 value when the funding period began on 1. 11. 2019', () => {
    expect(yearAggregate(cumulative, funds, fundsPeriod, 2020, '2021-01-15')).toEqual({ aggregate: null, unknown: true });
  });

  it('keeps the funds acquired to date at 250109.76', () => {
    expect(aggregateToDate(cumulative, funds, fundsPeriod, '2020-12-31')?.value.toString()).toBe('250109.76');
  });

  it('tells a year without entries (missing, not unknown) apart: 2021 of the funds period', () => {
    expect(yearAggregate(cumulative, funds, fundsPeriod, 2021, '2022-02-15')).toEqual({ aggregate: null, unknown: false });
  });

  it('knows the next year’s growth once an earlier running total exists: 2021 adds 260000 − 250109.76 = 9890.24', () => {
    const later = [...funds, anEntry({ periodStart: '2021-01-01', periodEnd: '2021-12-31', value: '260000' })];
    expect(aggregateYear(cumulative, later, fundsPeriod, 2021, '2022-02-15')?.value.toString()).toBe('9890.24');
  });

  it('leaves a summed indicator’s year value alone: 75 entered for 2020 is 2020’s', () => {
    expect(yearAggregate(sum, wholeOperation, operation, 2020, '2021-01-15').aggregate?.value.toString()).toBe('75');
  });
});

describe('latest aggregation', () => {
  const states = [
    anEntry({ periodStart: '2020-01-01', periodEnd: '2020-06-30', value: '4' }),
    anEntry({ periodStart: '2020-07-01', periodEnd: '2020-12-31', value: '3' }),
    anEntry({ periodStart: '2021-01-01', periodEnd: '2021-06-30', value: '5' }),
  ];

  it('gives the year value as the latest entry in the year: 3, not 4 + 3', () => {
    expect(aggregateYear(latest, states, AS_PERIOD, 2020, '2021-12-31')?.value.toString()).toBe('3');
  });

  it('gives the value to date as the latest entry up to the cut-off', () => {
    expect(aggregateToDate(latest, states, AS_PERIOD, '2021-12-31')?.value.toString()).toBe('5');
  });
});

describe('shares', () => {
  const share = anIndicator({ isShare: true, aggregation: 'sum' });

  it('adds numerators and denominators: 10/30 and 15/32 give 25/62 = 40.3225…, not the mean of percentages', () => {
    const entries = [
      aShareEntry(10, 30, { periodEnd: '2020-06-30' }),
      aShareEntry(15, 32, { periodStart: '2020-07-01' }),
    ];
    const result = aggregateYear(share, entries, AS_PERIOD, 2020, '2021-01-15');
    expect(result?.value.toString()).toBe('40.322580645161290323');
    expect(result?.numerator?.toString()).toBe('25');
    expect(result?.denominator?.toString()).toBe('62');
  });

  it('takes a latest share from the latest entry’s own counts', () => {
    const entries = [aShareEntry(10, 30, { periodEnd: '2020-06-30' }), aShareEntry(25, 62)];
    const result = aggregateYear({ ...share, aggregation: 'latest' }, entries, AS_PERIOD, 2020, '2021-01-15');
    expect([result?.numerator?.toString(), result?.denominator?.toString()]).toEqual(['25', '62']);
  });

  it('gives a cumulative share’s year value as its latest share, not a difference of percentages', () => {
    const entries = [aShareEntry(10, 40, { periodStart: '2019-10-01' }), aShareEntry(25, 62)];
    const result = aggregateYear({ ...share, aggregation: 'cumulative' }, entries, AS_PERIOD, 2020, '2021-01-15');
    expect(result?.value.toString()).toBe('40.322580645161290323');
  });

  it('falls back to the stored percentage when an entry has no counts', () => {
    const result = entryAggregate(anEntry({ value: '40.32' }), true);
    expect(result.value.toString()).toBe('40.32');
    expect(result.numerator).toBeNull();
  });

  it('refuses to combine several shares without counts rather than average percentages', () => {
    expect(combine([anAggregate('40'), anAggregate('60')], true)).toBeNull();
  });
});

describe('excessOfParts', () => {
  it('reports parts 150 + 50 = 200 over a total of 190', () => {
    const excess = excessOfParts([anAggregate(150), anAggregate(50)], anAggregate(190), false);
    expect(excess.map((e) => [e.what, e.parts.toString(), e.total.toString()])).toEqual([['value', '200', '190']]);
  });

  it('accepts parts that add up to less than the total', () => {
    expect(excessOfParts([anAggregate(42)], anAggregate(190), false)).toEqual([]);
  });

  it('compares shares by their counts: numerators 30 over 25', () => {
    const excess = excessOfParts([anAggregate(50, 15, 30), anAggregate(46.875, 15, 32)], anAggregate('40.32', 25, 62), true);
    expect(excess.map((e) => [e.what, e.parts.toString()])).toEqual([['numerator', '30']]);
  });
});

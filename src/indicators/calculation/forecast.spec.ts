import Decimal from 'decimal.js';
import { forecastToEnd, type ForecastInput } from './forecast';
import { AS_PERIOD, anAggregate, anIndicator } from '../../../test/support/factories/calculation.factory';

const TWO_YEARS = { startDate: '2021-01-01', endDate: '2022-12-31' };

function forecast(overrides: Partial<ForecastInput>) {
  return forecastToEnd({
    indicator: anIndicator(),
    toDate: null,
    period: TWO_YEARS,
    asOf: '2021-12-31',
    target: null,
    ...overrides,
  });
}

describe('forecastToEnd', () => {
  it('projects 62 after 365 of 730 days to 124 and finds it meets at least 120', () => {
    const result = forecast({ toDate: anAggregate(62), target: new Decimal(120) });
    expect(result.valueAtEnd?.toString()).toBe('124');
    expect(result.willMeetTarget).toBe(true);
    expect(result.method).toBe('linear');
  });

  it('projects the AS 62 on 31. 12. 2020 (466 of 1104 days) to 146.884…', () => {
    const result = forecast({ toDate: anAggregate(62), period: AS_PERIOD, asOf: '2020-12-31', target: new Decimal(180) });
    expect(result.valueAtEnd?.toString()).toBe('146.88412017167381974');
    expect(result.willMeetTarget).toBe(false);
  });

  it('finds a projection of 12 over an at_most target of 10', () => {
    const result = forecast({ indicator: anIndicator({ direction: 'at_most' }), toDate: anAggregate(6), target: new Decimal(10) });
    expect([result.valueAtEnd?.toString(), result.willMeetTarget]).toEqual(['12', false]);
  });

  it('projects a running total the same way: 40 to date gives 80', () => {
    const result = forecast({ indicator: anIndicator({ aggregation: 'cumulative' }), toDate: anAggregate(40) });
    expect(result.valueAtEnd?.toString()).toBe('80');
  });

  it('keeps the value to date once the funding period is over', () => {
    expect(forecast({ toDate: anAggregate(130), asOf: '2023-03-01' }).valueAtEnd?.toString()).toBe('130');
  });

  it('carries a share’s current value to the end and compares it by counts', () => {
    const share = anIndicator({ isShare: true });
    const result = forecast({ indicator: share, toDate: anAggregate('40.32', 25, 62), target: new Decimal(25) });
    expect(result).toEqual({
      valueAtEnd: anAggregate('40.32', 25, 62).value,
      target: new Decimal(25),
      willMeetTarget: true,
      method: 'latest',
    });
  });

  it('carries a latest value to the end', () => {
    const result = forecast({ indicator: anIndicator({ aggregation: 'latest' }), toDate: anAggregate(4) });
    expect([result.valueAtEnd?.toString(), result.method]).toEqual(['4', 'latest']);
  });

  it('leaves willMeetTarget null without a target', () => {
    expect(forecast({ toDate: anAggregate(62) }).willMeetTarget).toBeNull();
  });

  it('makes no forecast without data', () => {
    expect(forecast({ target: new Decimal(120) })).toEqual({ valueAtEnd: null, target: null, willMeetTarget: null, method: 'none' });
  });

  it('makes no forecast before the funding period has begun', () => {
    expect(forecast({ toDate: anAggregate(5), asOf: '2020-12-31' }).method).toBe('none');
  });
});

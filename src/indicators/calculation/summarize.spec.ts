import { summarizeIndicator } from './summarize';
import { toJsonNumber } from './format';
import { AS_PERIOD, KCM_PERIOD, aShareEntry, aSummaryInput, aTarget, anEntry, anIndicator } from './test-factories';

describe('summarizeIndicator', () => {
  describe('AS 2020: persons included, 60 planned and 62 achieved', () => {
    const result = summarizeIndicator(
      aSummaryInput({ achieved: [anEntry({ value: '62' })], targets: [aTarget({ value: '60' })], asOf: '2021-01-15' }),
    );

    it('gives 103.33 % achievement', () => {
      expect(result.achievementPercent?.toString()).toBe('103.33');
    });

    it('is met on 15. 1. 2021', () => {
      expect(result.status).toBe('met');
    });

    it('needs no explanation of deviations', () => {
      expect([result.explanationRequired, result.explanationMissing]).toEqual([false, false]);
    });

    it('carries planned and achieved as exact decimals', () => {
      expect([result.planned?.toString(), result.achieved?.toString(), result.achievedToDate?.toString()]).toEqual([
        '60',
        '62',
        '62',
      ]);
    });
  });

  describe('AS 2020: share in job search or training at exit, at least 25 %', () => {
    const result = summarizeIndicator(
      aSummaryInput({
        indicator: anIndicator({ isShare: true, aggregation: 'sum' }),
        achieved: [aShareEntry(25, 62)],
        targets: [aTarget({ value: '25' })],
      }),
    );

    it('gives 40.32 % with numerator 25 and denominator 62', () => {
      expect([toJsonNumber(result.achieved), result.numerator?.toString(), result.denominator?.toString()]).toEqual([
        40.32,
        '25',
        '62',
      ]);
    });

    it('is met', () => {
      expect(result.status).toBe('met');
    });

    it('gives 161.29 % achievement from the counts', () => {
      expect(result.achievementPercent?.toString()).toBe('161.29');
    });

    it('requires an explanation of the large over-achievement', () => {
      expect(result.explanationRequired).toBe(true);
    });
  });

  describe('KCM 2020: events for pupils, 190 in total, of which NOVUS 42', () => {
    it('shows NOVUS’s part of 42 without a warning', () => {
      const result = summarizeIndicator(
        aSummaryInput({
          period: KCM_PERIOD,
          achieved: [anEntry({ value: '190' }), anEntry({ partnerId: 2, value: '42' })],
        }),
      );
      expect(result.partners.map((p) => [p.partnerId, p.achieved?.toString()])).toEqual([[2, '42']]);
      expect(result.partnerWarning).toBeNull();
      expect(result.totalFromParts).toBe(false);
    });

    it('warns when parts of 150 and 50 exceed the total of 190', () => {
      const result = summarizeIndicator(
        aSummaryInput({
          period: KCM_PERIOD,
          achieved: [anEntry({ value: '190' }), anEntry({ partnerId: 2, value: '150' }), anEntry({ partnerId: 3, value: '50' })],
        }),
      );
      expect(result.partnerWarning).toBe('Vsota deležev partnerjev (200) presega skupno vrednost (190).');
    });

    it('adds up the parts when no total was recorded, and says so', () => {
      const result = summarizeIndicator(
        aSummaryInput({
          period: KCM_PERIOD,
          achieved: [anEntry({ partnerId: 2, value: '42' }), anEntry({ partnerId: 3, value: '148' })],
        }),
      );
      expect([result.achieved?.toString(), result.totalFromParts, result.partnerWarning]).toEqual(['190', true, null]);
    });
  });

  it('measures 2020 against the old target of 60 after an amendment of 1. 3. 2021 raised it to 70', () => {
    const result = summarizeIndicator(
      aSummaryInput({
        achieved: [anEntry({ value: '62' })],
        targets: [aTarget({ value: '60' }), aTarget({ value: '70', validFrom: '2021-03-01' })],
        asOf: '2021-06-30',
      }),
    );
    expect([result.planned?.toString(), result.achievementPercent?.toString(), result.status]).toEqual(['60', '103.33', 'met']);
  });

  it('does not count running totals 10, 25, 40 twice: 2021 adds 15, 40 to date', () => {
    const result = summarizeIndicator(
      aSummaryInput({
        indicator: anIndicator({ aggregation: 'cumulative' }),
        achieved: [
          anEntry({ periodEnd: '2020-03-31', value: '10' }),
          anEntry({ periodStart: '2020-04-01', periodEnd: '2020-06-30', value: '25' }),
          anEntry({ periodStart: '2021-01-01', periodEnd: '2021-03-31', value: '40' }),
        ],
        year: 2021,
        asOf: '2022-01-15',
      }),
    );
    expect([result.achieved?.toString(), result.achievedToDate?.toString()]).toEqual(['15', '40']);
  });

  it('flags a missing explanation for 40 of 60 (66.67 %)', () => {
    const result = summarizeIndicator(aSummaryInput({ achieved: [anEntry({ value: '40' })], targets: [aTarget({ value: '60' })] }));
    expect([result.achievementPercent?.toString(), result.status, result.explanationRequired, result.explanationMissing]).toEqual([
      '66.67',
      'not_met',
      true,
      true,
    ]);
  });

  it('is satisfied by an explanation on record for 40 of 60', () => {
    const result = summarizeIndicator(
      aSummaryInput({ achieved: [anEntry({ value: '40' })], targets: [aTarget({ value: '60' })], hasExplanation: true }),
    );
    expect([result.explanationRequired, result.explanationMissing]).toEqual([true, false]);
  });

  it('requires an explanation when a target was missed with nothing recorded at all', () => {
    const result = summarizeIndicator(aSummaryInput({ targets: [aTarget({ value: '60' })] }));
    expect([result.achieved, result.achievementPercent, result.status, result.explanationMissing]).toEqual([
      null,
      null,
      'not_met',
      true,
    ]);
  });

  it('meets an at_most target: 3 complaints against at most 5', () => {
    const result = summarizeIndicator(
      aSummaryInput({
        indicator: anIndicator({ direction: 'at_most' }),
        achieved: [anEntry({ value: '3' })],
        targets: [aTarget({ value: '5' })],
      }),
    );
    expect([result.status, result.achievementPercent?.toString()]).toEqual(['met', '60']);
  });

  it('measures the value to date against the whole-period target when the year has none: 72 of 180', () => {
    const result = summarizeIndicator(
      aSummaryInput({
        achieved: [anEntry({ periodStart: '2019-09-23', periodEnd: '2019-12-31', value: '10' }), anEntry({ value: '62' })],
        targets: [aTarget({ year: null, value: '180' })],
        asOf: '2020-12-31',
      }),
    );
    expect([result.plannedTotal?.toString(), result.achievementPercent?.toString(), result.status]).toEqual([
      '180',
      '40',
      // 466 of 1104 days have passed: 72 is above 180 × 466/1104 × 0.85 = 64.58.
      'on_track',
    ]);
  });

  it('forecasts the AS count to the end of the funding period against the whole-period target', () => {
    const result = summarizeIndicator(
      aSummaryInput({
        achieved: [anEntry({ value: '62' })],
        targets: [aTarget({ year: null, value: '180' })],
        asOf: '2020-12-31',
      }),
    );
    expect([toJsonNumber(result.forecast.valueAtEnd), result.forecast.target?.toString(), result.forecast.willMeetTarget]).toEqual([
      146.88,
      '180',
      false,
    ]);
  });

  it('forecasts against the sum of year targets when there is no whole-period target', () => {
    const result = summarizeIndicator(
      aSummaryInput({
        achieved: [anEntry({ value: '62' })],
        targets: [aTarget({ year: 2020, value: '60' }), aTarget({ year: 2021, value: '60' }), aTarget({ year: 2022, value: '40' })],
        asOf: '2020-12-31',
      }),
    );
    expect([result.forecast.target?.toString(), result.forecast.willMeetTarget]).toEqual(['160', false]);
  });

  it('breaks the total down by gender', () => {
    const result = summarizeIndicator(
      aSummaryInput({
        indicator: anIndicator({ dimensions: ['gender'] }),
        achieved: [
          anEntry({ value: '62' }),
          anEntry({ dimension: 'gender', dimensionValue: 'ženske', value: '36' }),
          anEntry({ dimension: 'gender', dimensionValue: 'moški', value: '26' }),
        ],
      }),
    );
    expect(result.dimensions.map((d) => [d.dimension, d.parts.map((p) => p.achieved.toString()), d.exceedsTotal])).toEqual([
      ['gender', ['36', '26'], false],
    ]);
  });

  it('gives no_target and no percentage without targets', () => {
    const result = summarizeIndicator(aSummaryInput({ achieved: [anEntry({ value: '62' })] }));
    expect([result.status, result.achievementPercent, result.explanationRequired]).toEqual(['no_target', null, false]);
  });

  it('refuses a year outside the funding period', () => {
    expect(() => summarizeIndicator(aSummaryInput({ period: AS_PERIOD, year: 2018 }))).toThrow(
      'Year 2018 is outside the funding period',
    );
  });

  it('refuses an asOf that is not a calendar date', () => {
    expect(() => summarizeIndicator(aSummaryInput({ asOf: '15. 1. 2021' }))).toThrow('asOf is not a calendar date: 15. 1. 2021');
  });
});

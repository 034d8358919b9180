import { summarizeIndicator } from './summarize';
import { toJsonNumber } from './format';
import { AS_PERIOD, KCM_PERIOD, aShareEntry, aSummaryInput, aTarget, anEntry, anIndicator } from '../../../test/support/factories/calculation.factory';

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

  it('forecasts against the sum of year targets when there is no whole-period target and every year has one', () => {
    const result = summarizeIndicator(
      aSummaryInput({
        achieved: [anEntry({ value: '62' })],
        targets: [
          aTarget({ year: 2019, value: '10' }),
          aTarget({ year: 2020, value: '60' }),
          aTarget({ year: 2021, value: '60' }),
          aTarget({ year: 2022, value: '40' }),
        ],
        asOf: '2020-12-31',
      }),
    );
    expect([result.forecast.target?.toString(), result.forecast.willMeetTarget]).toEqual(['170', false]);
  });

  it('compares the forecast with nothing when the partial year 2019 has no year target (not with 60 + 60 + 40)', () => {
    const result = summarizeIndicator(
      aSummaryInput({
        achieved: [anEntry({ value: '62' })],
        targets: [aTarget({ year: 2020, value: '60' }), aTarget({ year: 2021, value: '60' }), aTarget({ year: 2022, value: '40' })],
        asOf: '2020-12-31',
      }),
    );
    expect([toJsonNumber(result.forecast.valueAtEnd), result.forecast.method, result.forecast.target, result.forecast.willMeetTarget]).toEqual([
      146.88,
      'linear',
      null,
      null,
    ]);
  });

  it('keeps comparing a share’s forecast with the last year target although other years have none: 40.32 % against 25 %', () => {
    const result = summarizeIndicator(
      aSummaryInput({
        indicator: anIndicator({ isShare: true, aggregation: 'sum' }),
        achieved: [aShareEntry(25, 62)],
        targets: [aTarget({ value: '25' })],
      }),
    );
    expect([result.forecast.method, result.forecast.target?.toString(), result.forecast.willMeetTarget]).toEqual(['latest', '25', true]);
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

  describe('explanations with only a whole-period target (AS, 180 persons)', () => {
    const before2020 = anEntry({ periodStart: '2019-09-23', periodEnd: '2019-12-31', value: '10' });

    it('needs none mid-period for 72 of 180 (40 %) on track at the end of 2020', () => {
      const result = summarizeIndicator(
        aSummaryInput({ achieved: [before2020, anEntry({ value: '62' })], targets: [aTarget({ year: null, value: '180' })], asOf: '2020-12-31' }),
      );
      expect([result.achievementPercent?.toString(), result.status, result.explanationRequired, result.explanationMissing]).toEqual([
        '40',
        'on_track',
        false,
        false,
      ]);
    });

    it('needs one once the period has ended for 150 of 180 (83.33 %) in the 2022 report of 15. 10. 2022', () => {
      const result = summarizeIndicator(
        aSummaryInput({
          achieved: [before2020, anEntry({ value: '62' }), anEntry({ periodStart: '2022-01-01', periodEnd: '2022-09-30', value: '78' })],
          targets: [aTarget({ year: null, value: '180' })],
          year: 2022,
          asOf: '2022-10-15',
        }),
      );
      expect([result.achievementPercent?.toString(), result.status, result.explanationRequired]).toEqual(['83.33', 'not_met', true]);
    });

    it('needs none for the 2021 report made after the period ended: the 2021 view stops on 31. 12. 2021', () => {
      const result = summarizeIndicator(
        aSummaryInput({
          achieved: [before2020, anEntry({ value: '62' }), anEntry({ periodStart: '2022-01-01', periodEnd: '2022-09-30', value: '78' })],
          targets: [aTarget({ year: null, value: '180' })],
          year: 2021,
          asOf: '2022-10-15',
        }),
      );
      expect([result.achievementPercent?.toString(), result.explanationRequired]).toEqual(['40', false]);
    });
  });

  describe('a running total of 75 entered for 2020 only, operation 1. 9. 2018 – 30. 12. 2020', () => {
    const operation = { startDate: '2018-09-01', endDate: '2020-12-30' };
    const input = aSummaryInput({
      indicator: anIndicator({ aggregation: 'cumulative' }),
      achieved: [anEntry({ periodEnd: '2020-12-30', value: '75' })],
      period: operation,
      asOf: '2021-01-15',
    });

    it('gives 2020 no year value, marked unknown, and 75 to date', () => {
      const result = summarizeIndicator(input);
      expect([result.achieved, result.achievedUnknown, result.achievedToDate?.toString()]).toEqual([null, true, '75']);
    });

    it('judges a 2020 target of 30 through the whole-period target of 60: 75 to date, met at 125 %', () => {
      const result = summarizeIndicator({
        ...input,
        targets: [aTarget({ year: 2020, value: '30' }), aTarget({ year: null, value: '60' })],
      });
      expect([result.planned?.toString(), result.achievementPercent?.toString(), result.status]).toEqual(['30', '125', 'met']);
    });

    it('asks to explain 125 % of the whole-period target, as the operation ended in 2020', () => {
      const result = summarizeIndicator({
        ...input,
        targets: [aTarget({ year: 2020, value: '30' }), aTarget({ year: null, value: '60' })],
      });
      expect([result.explanationRequired, result.explanationMissing]).toEqual([true, true]);
    });

    it('is not met with no percentage and asks for an explanation when only the 2020 target of 30 exists', () => {
      const result = summarizeIndicator({ ...input, targets: [aTarget({ year: 2020, value: '30' })] });
      expect([result.achievementPercent, result.status, result.explanationRequired]).toEqual([null, 'not_met', true]);
    });

    it('stays no_target without targets', () => {
      const result = summarizeIndicator(input);
      expect([result.status, result.achievementPercent, result.explanationRequired]).toEqual(['no_target', null, false]);
    });

    it('does not warn that the total is missing when a partner’s 2020 growth is known', () => {
      const result = summarizeIndicator({
        ...input,
        achieved: [
          ...input.achieved,
          anEntry({ partnerId: 2, periodStart: '2019-01-01', periodEnd: '2019-12-31', value: '20' }),
          anEntry({ partnerId: 2, periodEnd: '2020-12-30', value: '32' }),
        ],
      });
      expect([result.partners.map((p) => p.achieved?.toString()), result.partnerWarning]).toEqual([['12'], null]);
    });

    it('leaves the total unknown when it comes from a partner’s running total first entered in 2020', () => {
      const result = summarizeIndicator({ ...input, achieved: [anEntry({ partnerId: 2, periodEnd: '2020-12-30', value: '75' })] });
      expect([result.totalFromParts, result.achieved, result.achievedUnknown, result.achievedToDate?.toString()]).toEqual([
        true,
        null,
        true,
        '75',
      ]);
    });
  });

  describe('funds acquired: 250109.76 EUR entered in 2020, funding period 1. 11. 2019 – 31. 1. 2022', () => {
    const input = aSummaryInput({
      indicator: anIndicator({ aggregation: 'cumulative' }),
      achieved: [anEntry({ value: '250109.76' })],
      targets: [aTarget({ year: 2020, value: '150000' }), aTarget({ year: null, value: '300000' })],
      period: { startDate: '2019-11-01', endDate: '2022-01-31' },
      asOf: '2021-01-15',
    });
    const result = summarizeIndicator(input);

    it('gives 2020 no year value and 250109.76 to date', () => {
      expect([result.achieved, result.achievedUnknown, result.achievedToDate?.toString()]).toEqual([null, true, '250109.76']);
    });

    it('is on track by the value to date against 300000: 427 of 823 days give at least 132302.55', () => {
      expect([result.achievementPercent?.toString(), result.status]).toEqual(['83.37', 'on_track']);
    });

    it('needs no explanation mid-period', () => {
      expect(result.explanationRequired).toBe(false);
    });
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

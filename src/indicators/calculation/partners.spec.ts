import { partnerFigures, partnerWarning, type PartnerFigures } from './partners';
import { KCM_PERIOD, aShareEntry, aTarget, anAggregate, anEntry, anIndicator } from '../../../test/support/factories/calculation.factory';
import type { AchievedEntry, TargetEntry } from './types';

const events = anIndicator();
const NOVUS = 2;

function figures(achieved: AchievedEntry[], targets: TargetEntry[] = []): PartnerFigures[] {
  return partnerFigures({ indicator: events, achieved, targets, period: KCM_PERIOD, year: 2020, asOf: '2021-01-15' });
}

describe('partnerFigures', () => {
  it('gives Društvo NOVUS its part of the KCM events: 42', () => {
    const parts = figures([anEntry({ value: '190' }), anEntry({ partnerId: NOVUS, value: '42' })]);
    expect(parts.map((p) => [p.partnerId, p.achieved?.value.toString()])).toEqual([[NOVUS, '42']]);
  });

  it('takes a partner’s planned value from the targets with its id', () => {
    const parts = figures([anEntry({ partnerId: NOVUS, value: '42' })], [aTarget({ partnerId: NOVUS, value: '40' })]);
    expect(parts[0].planned?.toString()).toBe('40');
  });

  it('lists a partner with a target but nothing achieved yet', () => {
    const parts = figures([], [aTarget({ partnerId: 4, value: '10' })]);
    expect(parts.map((p) => [p.partnerId, p.achieved])).toEqual([[4, null]]);
  });

  it('aggregates a partner’s entries over time: 20 + 22 = 42 in the year', () => {
    const parts = figures([
      anEntry({ partnerId: NOVUS, periodEnd: '2020-06-30', value: '20' }),
      anEntry({ partnerId: NOVUS, periodStart: '2020-07-01', value: '22' }),
    ]);
    expect(parts[0].achieved?.value.toString()).toBe('42');
  });
});

describe('partnerFigures for a running total (KCM, funding period from 6. 9. 2019)', () => {
  const cumulative = anIndicator({ aggregation: 'cumulative' });
  const running = (achieved: AchievedEntry[]) =>
    partnerFigures({ indicator: cumulative, achieved, targets: [], period: KCM_PERIOD, year: 2020, asOf: '2021-01-15' });

  it('gives NOVUS no 2020 value but 42 to date when its running total was first entered in 2020', () => {
    const [novus] = running([anEntry({ partnerId: NOVUS, value: '42' })]);
    expect([novus.achieved, novus.achievedToDate?.value.toString()]).toEqual([null, '42']);
  });

  it('gives NOVUS the growth 42 − 30 = 12 in 2020 after a running total of 30 for 2019', () => {
    const [novus] = running([
      anEntry({ partnerId: NOVUS, periodStart: '2019-09-06', periodEnd: '2019-12-31', value: '30' }),
      anEntry({ partnerId: NOVUS, value: '42' }),
    ]);
    expect(novus.achieved?.value.toString()).toBe('12');
  });
});

describe('partnerWarning', () => {
  function part(partnerId: number, achieved: string, toDate = achieved): PartnerFigures {
    return { partnerId, planned: null, plannedTotal: null, achieved: anAggregate(achieved), achievedToDate: anAggregate(toDate) };
  }

  it('stays silent when NOVUS’s 42 is part of the total of 190', () => {
    const totals = { achieved: anAggregate(190), achievedToDate: anAggregate(190), fromParts: false };
    expect(partnerWarning(events, 2020, totals, [part(NOVUS, '42')])).toBeNull();
  });

  it('warns in Slovene when parts 150 + 50 exceed the total of 190', () => {
    const totals = { achieved: anAggregate(190), achievedToDate: anAggregate(190), fromParts: false };
    expect(partnerWarning(events, 2020, totals, [part(2, '150'), part(3, '50')])).toBe(
      'Vsota deležev partnerjev (200) presega skupno vrednost (190).',
    );
  });

  it('writes large and decimal figures the Slovene way: 5.503,5 over 5.503', () => {
    const totals = { achieved: anAggregate(5503), achievedToDate: anAggregate(5503), fromParts: false };
    expect(partnerWarning(events, 2020, totals, [part(2, '5503.5')])).toBe(
      'Vsota deležev partnerjev (5.503,5) presega skupno vrednost (5.503).',
    );
  });

  it('warns when running totals of parts exceed the total to date although the year’s growth does not', () => {
    const totals = { achieved: anAggregate(15), achievedToDate: anAggregate(105), fromParts: false };
    expect(partnerWarning(events, 2021, totals, [part(2, '10', '110')])).toBe(
      'Kumulativna vsota deležev partnerjev (110) presega kumulativno skupno vrednost (105).',
    );
  });

  it('compares a share by counts: numerators 30 over 25', () => {
    const share = anIndicator({ isShare: true });
    const totals = { achieved: anAggregate('40.32', 25, 62), achievedToDate: anAggregate('40.32', 25, 62), fromParts: false };
    const parts: PartnerFigures[] = [
      { partnerId: 2, planned: null, plannedTotal: null, achieved: anAggregate(50, 15, 30), achievedToDate: null },
      { partnerId: 3, planned: null, plannedTotal: null, achieved: anAggregate('46.875', 15, 32), achievedToDate: null },
    ];
    expect(partnerWarning(share, 2020, totals, parts)).toBe('Vsota števcev partnerjev (30) presega skupni števec (25).');
  });

  it('says so when partners reported for the year but the total is missing', () => {
    const totals = { achieved: null, achievedToDate: anAggregate(190), fromParts: false };
    expect(partnerWarning(events, 2021, totals, [part(2, '42')])).toBe(
      'Za leto 2021 so vneseni deleži partnerjev, skupna vrednost pa ne.',
    );
  });

  it('does not call an unknown year total missing: NOVUS’s 12 in 2020 beside a running total 190 first entered in 2020', () => {
    const totals = { achieved: null, achievedUnknown: true, achievedToDate: anAggregate(190), fromParts: false };
    expect(partnerWarning(events, 2020, totals, [part(NOVUS, '12', '42')])).toBeNull();
  });

  it('still compares the levels when the year total is unknown: NOVUS’s 200 to date over 190', () => {
    const totals = { achieved: null, achievedUnknown: true, achievedToDate: anAggregate(190), fromParts: false };
    expect(partnerWarning(events, 2020, totals, [part(NOVUS, '12', '200')])).toBe(
      'Kumulativna vsota deležev partnerjev (200) presega kumulativno skupno vrednost (190).',
    );
  });

  it('has nothing to warn about when the total is the sum of the parts', () => {
    const totals = { achieved: anAggregate(200), achievedToDate: anAggregate(200), fromParts: true };
    expect(partnerWarning(events, 2020, totals, [part(2, '150'), part(3, '50')])).toBeNull();
  });

  it('compares share parts through partnerFigures end to end: denominators 70 over 62', () => {
    const share = anIndicator({ isShare: true });
    const achieved = [aShareEntry(25, 62), aShareEntry(10, 35, { partnerId: 2 }), aShareEntry(12, 35, { partnerId: 3 })];
    const parts = partnerFigures({ indicator: share, achieved, targets: [], period: KCM_PERIOD, year: 2020, asOf: '2021-01-15' });
    const totals = { achieved: anAggregate('40.32', 25, 62), achievedToDate: anAggregate('40.32', 25, 62), fromParts: false };
    expect(partnerWarning(share, 2020, totals, parts)).toBe(
      'Vsota imenovalcev partnerjev (70) presega skupni imenovalec (62).',
    );
  });
});

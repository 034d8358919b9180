import { indicatorSummaryFactory } from '../../test/support/factories/report-input.factory';
import { diffSnapshots } from './snapshot-diff';

describe('diffSnapshots', () => {
  const submitted = [indicatorSummaryFactory()];

  it('finds nothing when the figures are the same', () => {
    expect(diffSnapshots(submitted, [indicatorSummaryFactory()])).toEqual([]);
  });

  it('lists a corrected achieved value with its consequences', () => {
    const current = [indicatorSummaryFactory({ achieved: 61, achievementPercent: 101.67 })];
    expect(diffSnapshots(submitted, current).map((c) => [c.field, c.submitted, c.current])).toEqual([
      ['achieved', submitted[0].achieved, 61],
      ['achievementPercent', submitted[0].achievementPercent, 101.67],
    ]);
  });

  it('lists an indicator added after submission', () => {
    const added = indicatorSummaryFactory({ code: 'AS-U2', name: 'Novo' });
    expect(diffSnapshots(submitted, [indicatorSummaryFactory(), added])).toEqual([
      { indicatorCode: 'AS-U2', indicatorName: 'Novo', field: 'indicator', submitted: null, current: 'present' },
    ]);
  });

  it('lists a changed partner part', () => {
    const withPart = (achieved: number) =>
      indicatorSummaryFactory({ partners: [{ organisationId: 2, organisationName: 'Društvo NOVUS', planned: null, achieved, numerator: null, denominator: null }] });
    expect(diffSnapshots([withPart(42)], [withPart(40)])).toEqual([
      expect.objectContaining({ field: 'partners[Društvo NOVUS].achieved', submitted: 42, current: 40 }),
    ]);
  });
});

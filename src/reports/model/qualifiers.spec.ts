import { indicatorSummaryFactory } from '../../../test/support/factories/report-input.factory';
import { withQualifiers } from './qualifiers';

describe('withQualifiers', () => {
  const value = (over: object) => ({ indicatorId: 1, year: 2020, partnerOrganisationId: null, dimension: null, qualifier: 'at_least' as const, ...over });

  it('qualifies the year figure and the figure to date with the year\u2019s qualified value', () => {
    const [indicator] = withQualifiers([indicatorSummaryFactory()], [value({})], 2020);
    expect([indicator.achievedQualifier, indicator.achievedToDateQualifier]).toEqual(['at_least', 'at_least']);
  });

  it('qualifies only the figure to date with an earlier year\u2019s value', () => {
    const [indicator] = withQualifiers([indicatorSummaryFactory()], [value({ year: 2019, qualifier: 'approximately' })], 2020);
    expect([indicator.achievedQualifier, indicator.achievedToDateQualifier]).toEqual([null, 'approximately']);
  });

  it('qualifies a partner\u2019s part, not the total, and ignores other indicators and breakdowns', () => {
    const [indicator] = withQualifiers(
      [indicatorSummaryFactory()],
      [value({ partnerOrganisationId: 7, qualifier: 'more_than' }), value({ indicatorId: 2 }), value({ dimension: 'gender' })],
      2020,
    );
    expect(indicator.achievedQualifier).toBeNull();
    expect(indicator.partnerQualifiers).toEqual({ 7: 'more_than' });
  });
});

describe('withQualifiers for a figure given for one partner only', () => {
  it('qualifies the total with the part when the part is the whole figure', () => {
    const part = { organisationId: 7, organisationName: 'Društvo NOVUS', planned: null, achieved: 884, numerator: null, denominator: null };
    const [indicator] = withQualifiers(
      [indicatorSummaryFactory({ achieved: 884, partners: [part] })],
      [{ indicatorId: 1, year: 2020, partnerOrganisationId: 7, dimension: null, qualifier: 'more_than' }],
      2020,
    );
    expect(indicator.achievedQualifier).toBe('more_than');
  });
});

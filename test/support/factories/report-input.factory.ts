import type { ReportIndicator, ReportInput, ReportProject } from '../../../src/reports/model/report-input.types';

/**
 * Test data: the 2020 report of »AS – Aktiviraj se!« (Društvo NOVUS), with the figures from the
 * demo facts. Nothing the sources do not give is filled in (no amount, call, contract or shares).
 */
export const AS_OUTPUT_NAME = 'Število oseb iz ranljivih ciljnih skupin, vključenih v program.';
export const AS_RESULT_NAME =
  'Delež oseb iz ranljivih ciljnih skupin, vključenih v iskanje zaposlitve, izobraževanje/usposabljanje, ' +
  'pridobivanje kvalifikacij ali v zaposlitev ob izhodu – vsaj 25 %.';

export function indicatorSummaryFactory(overrides: Partial<ReportIndicator> = {}): ReportIndicator {
  return {
    indicatorId: 1,
    code: 'AS-1',
    name: AS_OUTPUT_NAME,
    nameEn: null,
    kind: 'output',
    unit: 'persons',
    unitLabel: null,
    direction: 'at_least',
    aggregation: 'sum',
    isShare: false,
    resultArea: null,
    baseline: null,
    baselineYear: null,
    planned: 60,
    plannedTotal: null,
    achieved: 62,
    achievedToDate: null,
    achievementPercent: 103.33,
    status: 'met',
    numerator: null,
    denominator: null,
    numeratorToDate: null,
    denominatorToDate: null,
    partners: [],
    partnerWarning: null,
    dimensions: [],
    forecast: null,
    explanation: null,
    explanationMissing: false,
    ...overrides,
  };
}

/** The share result indicator: 25 of 62 leavers, 40,32 % against "at least 25 %". */
export function shareIndicatorFactory(overrides: Partial<ReportIndicator> = {}): ReportIndicator {
  return indicatorSummaryFactory({
    indicatorId: 2,
    code: 'AS-2',
    name: AS_RESULT_NAME,
    kind: 'result',
    unit: 'percent',
    aggregation: 'latest',
    isShare: true,
    planned: 25,
    achieved: 40.32,
    achievementPercent: 161.29,
    numerator: 25,
    denominator: 62,
    ...overrides,
  });
}

export function asProjectFactory(overrides: Partial<ReportProject> = {}): ReportProject {
  return {
    code: 'AS',
    name: 'Socialna aktivacija »AS – Aktiviraj se!«',
    description: 'Program socialne aktivacije za osebe iz ranljivih ciljnih skupin (Velenje, Mozirje).',
    leadOrganisation: 'Društvo NOVUS',
    partners: [
      { name: 'Zavod za izobraževanje in usposabljanje USPEŠEN.SI', role: 'partner' },
      { name: 'Andragoški zavod Ljudska univerza Velenje', role: 'partner' },
    ],
    funders: [
      { code: 'MDDSZ', name: 'Ministrstvo za delo, družino, socialne zadeve in enake možnosti (MDDSZ)', sharePercent: null },
      { code: 'ESS', name: 'Evropska unija iz Evropskega socialnega sklada (ESS)', sharePercent: null },
    ],
    publicCall: null,
    contractReference: null,
    operationId: null,
    operationName: null,
    priorityAxis: null,
    investmentPriority: null,
    specificObjective: null,
    cohesionRegion: null,
    fundingPeriod: { startDate: '2019-09-23', endDate: '2022-09-30', amountEur: null },
    ...overrides,
  };
}

export type ReportInputOverrides = Partial<Omit<ReportInput, 'project'>> & { project?: Partial<ReportProject> };

export function reportInputFactory(overrides: ReportInputOverrides = {}): ReportInput {
  const { project, ...rest } = overrides;
  return {
    project: asProjectFactory(project),
    year: 2020,
    reportingPeriod: { start: '2020-01-01', end: '2020-12-31' },
    indicators: [indicatorSummaryFactory(), shareIndicatorFactory()],
    resultAreas: [],
    narratives: [
      {
        resultAreaId: null,
        text:
          'V letu 2020 je bilo v program vključenih 62 oseb iz ranljivih ciljnih skupin.\n\n' +
          'Ob izhodu jih je 25 nadaljevalo z iskanjem zaposlitve, izobraževanjem ali usposabljanjem ali se je zaposlilo.',
      },
    ],
    signature: { place: 'Velenje', date: '2021-01-15', responsiblePerson: null, responsibleRole: null },
    generatedAt: '2021-01-15T09:00:00.000Z',
    ...rest,
  };
}

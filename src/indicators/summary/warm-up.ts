import type { Thresholds } from '../calculation';
import type { Aggregation, Direction, IndicatorUnit } from '../indicator-summary.types';
import { projectsJson, SummaryRowSource, summariseProjects } from './project-summaries';
import type { AchievedGroupRow, AchievedRow, IndicatorRow, PeriodRow, ProjectRow, TargetRow } from './summary-reads';

/**
 * A made-up portfolio that a reading thread summarises a few dozen times when it starts, so that
 * V8 has compiled the calculation and the JSON by the time the first real summaries arrive.
 *
 * Why: each thread is a V8 isolate of its own and starts with nothing compiled. A small portfolio
 * gives a thread too little work for V8 to optimise it in one request, so a fresh app's first
 * summaries ran in V8's interpreter: 10 projects took 17–25 ms over HTTP where the same app, after
 * 300 summaries, took 10–13 ms (same database, 1 s between requests).
 *
 * No database is read: the rows are made here, in the shapes the summaries' SQL returns, and cover
 * what the core computes (sums, latest, running totals, shares from counts and shares summed by
 * their counts; partners with their own targets; disaggregations; renewed contracts; missing
 * explanations). So a warm-up runs no query, and holds nothing once it is done.
 */

/** One project's indicators: every aggregation, shares two ways, partners, one and two dimensions. */
const INDICATORS: { unit: IndicatorUnit; aggregation: Aggregation; direction: Direction; dimensions: string; partners: boolean }[] = [
  { unit: 'persons', aggregation: 'sum', direction: 'at_least', dimensions: '["spol"]', partners: true },
  { unit: 'eur', aggregation: 'sum', direction: 'at_most', dimensions: '[]', partners: true },
  { unit: 'percent', aggregation: 'latest', direction: 'at_least', dimensions: '[]', partners: false },
  { unit: 'persons', aggregation: 'cumulative', direction: 'at_least', dimensions: '[]', partners: true },
  { unit: 'percent', aggregation: 'sum', direction: 'at_least', dimensions: '[]', partners: false },
  { unit: 'events', aggregation: 'sum', direction: 'at_least', dimensions: '["spol","starost"]', partners: false },
  { unit: 'hours', aggregation: 'latest', direction: 'at_most', dimensions: '[]', partners: false },
];
const PARTNERS = [1, 2];
const DIMENSION_VALUES: Record<string, string[]> = { spol: ['ženske', 'moški'], starost: ['15–29', '30–49', '50+'] };

export interface SyntheticPortfolio {
  projects: ProjectRow[];
  reads: SummaryRowSource;
  year: number;
  asOf: string;
  organisationNames: Map<number, string>;
}

/** `count` projects of seven indicators each, with a contract over 2024–2026 (and a renewal of the last ones from mid-2025). */
export function syntheticPortfolio(count: number): SyntheticPortfolio {
  const year = 2025;
  const projects: ProjectRow[] = [];
  const periods: PeriodRow[] = [];
  const indicators: IndicatorRow[] = [];
  const targets: TargetRow[] = [];
  const groups: AchievedGroupRow[] = [];
  const shareRows: AchievedRow[] = [];
  let id = 0;
  for (let p = 1; p <= count; p++) {
    projects.push({ id: p, code: `W${String(p).padStart(4, '0')}`, name: `Projekt ${p}`, leadOrganisation: 'Društvo' });
    periods.push({ id: p, projectId: p, startDate: '2024-01-01', endDate: '2026-12-31' });
    if (p % 4 === 0) periods.push({ id: count + p, projectId: p, startDate: '2025-07-01', endDate: '2027-06-30' });
    INDICATORS.forEach((kind, k) => {
      const indicatorId = p * 100 + k;
      indicators.push({
        id: indicatorId, projectId: p, code: `K${k + 1}`, name: `Kazalnik ${k + 1}`, nameEn: k % 2 ? null : `Indicator ${k + 1}`, kind: k % 3 ? 'output' : 'result',
        unit: kind.unit, unitLabel: null, aggregation: kind.aggregation, direction: kind.direction, baselineValue: k % 2 ? null : '3', baselineYear: k % 2 ? null : 2023,
        dimensions: kind.dimensions, resultAreaId: k % 2 ? null : 1, resultAreaCode: k % 2 ? null : 'R1', resultAreaName: k % 2 ? null : 'Področje',
      });
      const planned = kind.unit === 'percent' ? 60 : 20 + ((p * 7 + k * 13) % 90);
      const text = (n: number) => (kind.unit === 'eur' ? `${n * 100}.50` : String(n));
      for (const y of [2024, 2025, 2026]) targets.push({ indicatorId, year: y, fundingPeriodId: null, partnerOrganisationId: null, value: text(planned), validFrom: '2024-01-01' });
      targets.push({ indicatorId, year: null, fundingPeriodId: null, partnerOrganisationId: null, value: text(planned * 3), validFrom: '2024-01-01' });
      if (kind.partners) for (const partner of PARTNERS) targets.push({ indicatorId, year, fundingPeriodId: null, partnerOrganisationId: partner, value: text(planned / 2 + partner), validFrom: '2024-01-01' });
      for (const y of [2024, 2025]) {
        for (let q = 0; q < 3; q++) {
          id += 1;
          const start = `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
          const end = `${y}-${String(q * 3 + 3).padStart(2, '0')}-${q === 0 ? '31' : '30'}`;
          const n = 3 + ((p * 31 + k * 17 + q * 5 + y) % 25);
          const denominator = 10 + (n % 20);
          const numerator = Math.min(n, denominator);
          if (kind.unit === 'percent' && kind.aggregation === 'sum') {
            shareRows.push({ id, indicatorId, partnerOrganisationId: null, dimension: null, dimensionValue: null, periodStart: start, periodEnd: end, value: ((numerator * 100) / denominator).toFixed(2), numerator: String(numerator), denominator: String(denominator) });
            continue;
          }
          const sum = kind.aggregation === 'sum';
          const group = (partner: number | null, dimension: string | null, dimensionValue: string | null, values: string[]): AchievedGroupRow => ({
            indicatorId, year: y, partnerOrganisationId: partner, dimension, dimensionValue, firstStart: start, firstId: dimension === null ? 0 : id, lastEnd: end,
            latestStart: sum ? null : start, latestEnd: sum ? null : end, latestValue: sum ? null : kind.unit === 'percent' ? ((numerator * 100) / denominator).toFixed(2) : values[0],
            latestNumerator: !sum && kind.unit === 'percent' ? String(numerator) : null, latestDenominator: !sum && kind.unit === 'percent' ? String(denominator) : null,
            sumValues: sum ? values.join(',') : null,
          });
          groups.push(group(null, null, null, [text(n), text(n + 1)]));
          if (kind.partners) for (const partner of PARTNERS) groups.push(group(partner, null, null, [text(n - partner)]));
          for (const dimension of JSON.parse(kind.dimensions) as string[]) {
            DIMENSION_VALUES[dimension].forEach((value, v) => groups.push(group(null, dimension, value, [text(Math.floor(n / (v + 2)))])));
          }
        }
      }
    });
  }
  const explanations = indicators.filter((i) => i.id % 3 === 0).map((i) => ({ indicatorId: i.id, text: 'Zamik zaradi poznejšega začetka.' }));
  const reads: SummaryRowSource = {
    indicators: async () => indicators,
    periods: async () => periods,
    targets: async () => targets,
    achievedGroups: async () => groups,
    achievedShareSums: async () => shareRows,
    explanations: async () => explanations,
  };
  return { projects, reads, year, asOf: '2025-10-15', organisationNames: new Map(PARTNERS.map((p) => [p, `Partner ${p}`])) };
}

/**
 * Summarises the made-up portfolio `rounds` times, each round a task of its own, so that a request
 * that arrives meanwhile waits for one round at most (a few milliseconds). Answers the last
 * round's JSON (for the tests).
 */
export async function warmUp(thresholds: Thresholds, rounds: number): Promise<Uint8Array> {
  const { projects, reads, year, asOf, organisationNames } = syntheticPortfolio(12);
  const ids = projects.map((p) => p.id);
  let json: Uint8Array = new Uint8Array();
  for (let round = 0; round < rounds; round++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    json = projectsJson(await summariseProjects(reads, projects, ids, { year, asOf, thresholds }, organisationNames));
  }
  return json;
}

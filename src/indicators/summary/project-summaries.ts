import { groupBy } from '../../common/group-by';
import type { Thresholds } from '../calculation';
import type { IndicatorStatus, IndicatorSummary } from '../indicator-summary.types';
import { buildSummaries, periodForYear, periodsForYear } from './summary-builder';
import type { ProjectRow, ProjectScope, SummaryReads } from './summary-reads';

interface PeriodRef {
  id: number;
  startDate: string;
  endDate: string;
}

export interface ProjectSummary {
  project: { id: number; code: string; name: string; leadOrganisation: string | null };
  year: number;
  /** The funding period (contract) the year is summarised under. */
  fundingPeriod: PeriodRef;
  /** Other contracts that also cover part of the year (a renewal); ask for them by id. */
  otherFundingPeriods: PeriodRef[];
  asOf: string;
  statusCounts: Record<IndicatorStatus, number>;
  explanationsMissing: number;
  indicators: IndicatorSummary[];
}

/** What a set of projects is summarised for. */
export interface SummariesQuery {
  year: number;
  asOf: string;
  thresholds: Thresholds;
  /** Which contract, when a renewal splits the year between two; otherwise the newest. */
  fundingPeriodId?: number;
}

/** The six reads a summary is made of (SummaryReads, on whichever connection; made-up rows to warm a thread up). */
export type SummaryRowSource = Pick<SummaryReads, 'indicators' | 'periods' | 'targets' | 'achievedGroups' | 'achievedShareSums' | 'explanations'>;

/**
 * The summaries of these projects (in their order), those whose funding periods cover the year:
 * six queries whatever the number of projects, each kind of row loaded once for all of them, then
 * the calculation core. `scope` is what the queries select by: the projects' ids, or 'all' when
 * they are every project (an IN list of every id only slows each query down). It runs in the
 * app's thread (one project, a database in memory) and in the reading threads (the portfolio).
 */
export async function summariseProjects(
  reads: SummaryRowSource,
  projects: ProjectRow[],
  scope: ProjectScope,
  q: SummariesQuery,
  organisationNames: Map<number, string>,
): Promise<ProjectSummary[]> {
  if (projects.length === 0) return [];
  const { year, asOf, fundingPeriodId } = q;
  const query = { scope, year, asOf, fundingPeriodId };
  const [indicators, fundingPeriods, targets, achievedGroups, achievedShareSums, explanations] = await Promise.all([
    reads.indicators(scope),
    reads.periods(scope),
    reads.targets(scope),
    reads.achievedGroups(query),
    reads.achievedShareSums(query),
    reads.explanations(scope, year),
  ]);
  const data = { indicators, fundingPeriods, targets, achievedGroups, achievedShareSums, explanations, organisationNames };
  const byProject = buildSummaries(data, year, asOf, q.thresholds, fundingPeriodId);
  const periodsOf = groupBy(fundingPeriods, (fp) => fp.projectId);
  return projects.flatMap((p) => {
    const chosen = periodForYear(periodsOf.get(p.id) ?? [], year, fundingPeriodId);
    if (!chosen) return [];
    const list = byProject.get(p.id) ?? [];
    const others = periodsForYear(periodsOf.get(p.id) ?? [], year).filter((fp) => fp.id !== chosen.id);
    return [
      {
        project: { id: p.id, code: p.code, name: p.name, leadOrganisation: p.leadOrganisation },
        year,
        fundingPeriod: ref(chosen),
        otherFundingPeriods: others.map(ref),
        asOf,
        statusCounts: countStatuses(list),
        explanationsMissing: list.filter((i) => i.explanationMissing).length,
        indicators: list,
      },
    ];
  });
}

/**
 * The portfolio summary's JSON as `JSON.stringify({ year, asOf, projects })` writes it, as the
 * parts to send one after the other: the projects' part comes written beforehand in pieces
 * (`projectsJson`, in project order) by the reading threads, and is neither copied nor joined
 * here (at 1,000 projects 13 MB that the app's thread would otherwise copy once more).
 */
export function portfolioJson(year: number, asOf: string, pieces: Uint8Array[]): Uint8Array[] {
  const parts: Uint8Array[] = [Buffer.from(`{"year":${JSON.stringify(year)},"asOf":${JSON.stringify(asOf)},"projects":[`)];
  for (const piece of pieces) {
    if (piece.byteLength === 0) continue;
    if (parts.length > 1) parts.push(COMMA);
    parts.push(piece);
  }
  parts.push(CLOSE);
  return parts;
}

/** Summaries as the elements of a JSON array, without its brackets ('' for none), in UTF-8. */
export function projectsJson(summaries: ProjectSummary[]): Uint8Array {
  // TextEncoder gives the bytes a new ArrayBuffer of their own (the Encoding standard's encode),
  // which a thread can hand over whole; a small Buffer.from shares Node's pool.
  return new TextEncoder().encode(JSON.stringify(summaries).slice(1, -1));
}

const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');

const ref = (p: PeriodRef): PeriodRef => ({ id: p.id, startDate: p.startDate, endDate: p.endDate });

function countStatuses(list: IndicatorSummary[]): Record<IndicatorStatus, number> {
  const counts: Record<IndicatorStatus, number> = { met: 0, on_track: 0, at_risk: 0, not_met: 0, no_target: 0 };
  for (const i of list) counts[i.status] += 1;
  return counts;
}

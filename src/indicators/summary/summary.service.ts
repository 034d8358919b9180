import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '../../auth/actor';
import { AccessPolicy } from '../../access/access-policy';
import { RuleViolationError } from '../../common/errors';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { OrganisationsRepository } from '../../organisations/organisations.repository';
import { ProjectsService } from '../../projects/projects.service';
import { isIsoDate } from '../../projects/reporting-years';
import { makeThresholds, Thresholds } from '../calculation';
import { IndicatorStatus, IndicatorSummary } from '../indicator-summary.types';
import type { Project } from '../../projects/entities/project.entity';
import { groupBy } from '../../common/group-by';
import { buildSummaries, periodForYear, periodsForYear } from './summary-builder';
import type { HeadlinePage } from './headline-pages';
import { HeadlineReader } from './headline-reader';
import { ProjectRow, ProjectScope, SummaryRowsRepository } from './summary-rows.repository';

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

/** Planned versus achieved for one project or a whole portfolio, computed by the calculation core. */
@Injectable()
export class SummaryService {
  private readonly thresholds: Thresholds;

  constructor(
    private readonly rows: SummaryRowsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly projects: ProjectsService,
    private readonly access: AccessPolicy,
    private readonly headlines: HeadlineReader,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.thresholds = makeThresholds(config.onTrackMarginPercent, config.deviationThresholdPercent);
  }

  async forProject(code: string, year: number, asOf: string | undefined, actor: Actor, options: SummaryOptions = {}): Promise<ProjectSummary> {
    return this.forReadableProject(await this.projects.getByCode(code, actor), year, asOf, options);
  }

  /** For a project whose read access the caller has already checked (building a report). */
  async forReadableProject(project: Project, year: number, asOf: string | undefined, options: SummaryOptions = {}): Promise<ProjectSummary> {
    const { code } = project;
    const thresholds =
      options.deviationThresholdPercent === undefined
        ? this.thresholds
        : makeThresholds(this.thresholds.onTrackMarginPercent, options.deviationThresholdPercent);
    const [summary] = await this.summarise([project.id], year, checkAsOf(asOf), thresholds, options.fundingPeriodId);
    if (!summary) {
      const field = options.fundingPeriodId === undefined ? 'year' : 'fundingPeriodId';
      const message =
        options.fundingPeriodId === undefined
          ? `${year} lies outside every funding period of ${code}`
          : `funding period ${options.fundingPeriodId} of ${code} does not cover ${year}`;
      throw new RuleViolationError(`${year} is not a reporting year of ${code}`, [{ field, message }]);
    }
    return summary;
  }

  /**
   * Every readable project whose funding periods cover the year. The number of queries does not
   * depend on the number of projects: each kind of row is loaded once for all of them.
   */
  async forPortfolio(year: number, asOf: string | undefined, actor: Actor): Promise<{ year: number; asOf: string; projects: ProjectSummary[] }> {
    const ids = await this.access.readableProjectIds(actor);
    const date = checkAsOf(asOf);
    return { year, asOf: date, projects: await this.summarise(ids, year, date, this.thresholds) };
  }

  /**
   * The headline figures of every readable project's indicators, a keyset page of projects at a
   * time (see `headlinePages`): what the portfolio export writes, read and computed beside it by
   * the HeadlineReader.
   */
  async *portfolioHeadlinePages(year: number, actor: Actor, options: { asOf?: string; pageSize?: number } = {}): AsyncGenerator<HeadlinePage> {
    const scope = await this.access.readableProjectIds(actor);
    yield* this.headlines.pages({ scope, year, asOf: checkAsOf(options.asOf), pageSize: options.pageSize ?? PORTFOLIO_PAGE });
  }

  private async summarise(projectIds: ProjectScope, year: number, asOf: string, thresholds: Thresholds, fundingPeriodId?: number): Promise<ProjectSummary[]> {
    const [projects, names] = await Promise.all([
      this.rows.projectsPage(projectIds, null, Number.MAX_SAFE_INTEGER),
      this.organisations.names(),
    ]);
    // Every project is read as every project: an IN list of all their ids only slows each query down.
    const scope = projectIds === 'all' ? 'all' : projects.map((p) => p.id);
    return this.summariseRows(projects, scope, year, asOf, thresholds, fundingPeriodId, names);
  }

  private async summariseRows(
    projects: ProjectRow[],
    scope: ProjectScope,
    year: number,
    asOf: string,
    thresholds: Thresholds,
    fundingPeriodId: number | undefined,
    organisationNames: Map<number, string>,
  ): Promise<ProjectSummary[]> {
    if (projects.length === 0) return [];
    const query = { scope, year, asOf, fundingPeriodId };
    const [indicators, fundingPeriods, targets, achievedGroups, achievedShareSums, explanations] = await Promise.all([
      this.rows.indicators(scope),
      this.rows.periods(scope),
      this.rows.targets(scope),
      this.rows.achievedGroups(query),
      this.rows.achievedShareSums(query),
      this.rows.explanations(scope, year),
    ]);
    const data = { indicators, fundingPeriods, targets, achievedGroups, achievedShareSums, explanations, organisationNames };
    const byProject = buildSummaries(data, year, asOf, thresholds, fundingPeriodId);
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
}

/**
 * Projects per page of a streamed portfolio (with 20 indicators, 400 rows). Small enough that a
 * page's rows die young: at 250 projects a page outlived the writer's waits for the socket, was
 * promoted and grew the old space, and the server's RSS grew by 63 MB for 20,000 rows against 32 MB
 * at 20 projects, for about the same time (bench, 20,000 and 40,000 rows).
 */
export const PORTFOLIO_PAGE = 20;

export interface SummaryOptions {
  /** A funder's report template decides which deviations its report must explain. */
  deviationThresholdPercent?: number;
  /** Which contract, when a renewal splits the year between two. */
  fundingPeriodId?: number;
}

const ref = (p: PeriodRef): PeriodRef => ({ id: p.id, startDate: p.startDate, endDate: p.endDate });

function countStatuses(list: IndicatorSummary[]): Record<IndicatorStatus, number> {
  const counts: Record<IndicatorStatus, number> = { met: 0, on_track: 0, at_risk: 0, not_met: 0, no_target: 0 };
  for (const i of list) counts[i.status] += 1;
  return counts;
}

function checkAsOf(asOf: string | undefined): string {
  if (asOf === undefined || asOf === '') return new Date().toISOString().slice(0, 10);
  if (!isIsoDate(asOf)) {
    throw new RuleViolationError('Invalid asOf', [{ field: 'asOf', message: 'asOf must be a calendar date in the form YYYY-MM-DD' }]);
  }
  return asOf;
}

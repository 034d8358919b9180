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
import type { Project } from '../../projects/entities/project.entity';
import type { HeadlinePage } from './headline-pages';
import { portfolioJson, ProjectSummary, summariseProjects } from './project-summaries';
import { ReadingThreads } from './reading-threads';
import { ProjectScope, SummaryRowsRepository } from './summary-rows.repository';

export type { ProjectSummary } from './project-summaries';

/** Planned versus achieved for one project or a whole portfolio, computed by the calculation core. */
@Injectable()
export class SummaryService {
  private readonly thresholds: Thresholds;

  constructor(
    private readonly rows: SummaryRowsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly projects: ProjectsService,
    private readonly access: AccessPolicy,
    private readonly threads: ReadingThreads,
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
   * `forPortfolio` as the JSON the API answers (the same bytes as `JSON.stringify` of it, in parts
   * to send one after the other), computed by the reading threads, each of which writes its
   * part's JSON (see ReadingThreads).
   */
  async portfolioJson(year: number, asOf: string | undefined, actor: Actor): Promise<Uint8Array[]> {
    const ids = await this.access.readableProjectIds(actor);
    const date = checkAsOf(asOf);
    const { projects, organisationNames } = await this.portfolioProjects(ids);
    const pieces = await this.threads.summariesJson({ projects, year, asOf: date, organisationNames });
    return portfolioJson(year, date, pieces);
  }

  /**
   * The headline figures of every readable project's indicators for each year from `year` to
   * `toYear`, a keyset page of projects at a time (see `headlinePages`): what the portfolio export
   * writes, read and computed beside it by a reading thread (ReadingThreads).
   */
  async *portfolioHeadlinePages(year: number, actor: Actor, options: { toYear?: number; asOf?: string; pageSize?: number } = {}): AsyncGenerator<HeadlinePage> {
    const scope = await this.access.readableProjectIds(actor);
    yield* this.threads.pages({ scope, year, toYear: options.toYear, asOf: checkAsOf(options.asOf), pageSize: options.pageSize ?? PORTFOLIO_PAGE });
  }

  private async summarise(projectIds: ProjectScope, year: number, asOf: string, thresholds: Thresholds, fundingPeriodId?: number): Promise<ProjectSummary[]> {
    const { projects, scope, organisationNames } = await this.portfolioProjects(projectIds);
    return summariseProjects(this.rows, projects, scope, { year, asOf, thresholds, fundingPeriodId }, organisationNames);
  }

  /** The projects in scope in code order, what their summaries select by, and the partners' names. */
  private async portfolioProjects(projectIds: ProjectScope) {
    const [projects, organisationNames] = await Promise.all([
      this.rows.projectsPage(projectIds, null, Number.MAX_SAFE_INTEGER),
      this.organisations.names(),
    ]);
    // Every project is read as every project: an IN list of all their ids only slows each query down.
    const scope: ProjectScope = projectIds === 'all' ? 'all' : projects.map((p) => p.id);
    return { projects, scope, organisationNames };
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

function checkAsOf(asOf: string | undefined): string {
  if (asOf === undefined || asOf === '') return new Date().toISOString().slice(0, 10);
  if (!isIsoDate(asOf)) {
    throw new RuleViolationError('Invalid asOf', [{ field: 'asOf', message: 'asOf must be a calendar date in the form YYYY-MM-DD' }]);
  }
  return asOf;
}

import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '../../auth/actor';
import { ProjectAccessService } from '../../auth/project-access.service';
import { RuleViolationError } from '../../common/errors';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ProjectsRepository } from '../../projects/projects.repository';
import { ProjectsService } from '../../projects/projects.service';
import { isIsoDate } from '../../projects/reporting-years';
import { makeThresholds, Thresholds } from '../calculation';
import { IndicatorsRepository } from '../indicators.repository';
import { IndicatorStatus, IndicatorSummary } from '../indicator-summary.types';
import { buildSummaries, periodForYear } from './summary-builder';

export interface ProjectSummary {
  project: { id: number; code: string; name: string; leadOrganisation: string | null };
  year: number;
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
    private readonly indicators: IndicatorsRepository,
    private readonly projectsRepository: ProjectsRepository,
    private readonly projects: ProjectsService,
    private readonly access: ProjectAccessService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.thresholds = makeThresholds(config.onTrackMarginPercent, config.deviationThresholdPercent);
  }

  /**
   * `deviationThresholdPercent` overrides the configured one: a funder's report template decides
   * which deviations its report must explain.
   */
  async forProject(code: string, year: number, asOf: string | undefined, actor: Actor, deviationThresholdPercent?: number): Promise<ProjectSummary> {
    const project = await this.projects.getByCode(code, actor);
    const thresholds =
      deviationThresholdPercent === undefined ? this.thresholds : makeThresholds(this.thresholds.onTrackMarginPercent, deviationThresholdPercent);
    const [summary] = await this.summarise([project.id], year, checkAsOf(asOf), thresholds);
    if (!summary) {
      const periods = await this.projectsRepository.findFundingPeriods([project.id]);
      if (!periodForYear(periods, year)) {
        throw new RuleViolationError(`${year} is not a reporting year of ${code}`, [
          { field: 'year', message: `${year} lies outside every funding period of ${code}` },
        ]);
      }
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

  private async summarise(projectIds: number[] | 'all', year: number, asOf: string, thresholds: Thresholds): Promise<ProjectSummary[]> {
    const [projects, indicators, fundingPeriods, targets, achieved, explanations, organisationNames] = await Promise.all([
      this.projectsRepository.findProjects(projectIds),
      this.indicators.findByProjects(projectIds),
      this.projectsRepository.findFundingPeriods(projectIds),
      this.indicators.findTargetsByProjects(projectIds),
      this.indicators.findAchievedByProjectsUpToYear(projectIds, year),
      this.indicators.findExplanationsByProjects(projectIds, year),
      this.projectsRepository.findOrganisationNames(),
    ]);
    const byProject = buildSummaries({ indicators, fundingPeriods, targets, achieved, explanations, organisationNames }, year, asOf, thresholds);
    const covered = new Set(fundingPeriods.filter((p) => periodForYear([p], year)).map((p) => p.projectId));
    return projects
      .filter((p) => covered.has(p.id))
      .map((p) => {
        const list = byProject.get(p.id) ?? [];
        return {
          project: { id: p.id, code: p.code, name: p.name, leadOrganisation: p.leadOrganisation?.name ?? null },
          year,
          asOf,
          statusCounts: countStatuses(list),
          explanationsMissing: list.filter((i) => i.explanationMissing).length,
          indicators: list,
        };
      });
  }
}

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

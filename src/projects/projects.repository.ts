import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';
import { selectRows } from '../database/plain-select';
import { FundingPeriodFunder } from './entities/funding-period-funder.entity';
import { FundingPeriod } from './entities/funding-period.entity';
import { Objective } from './entities/objective.entity';
import { ProjectPartner } from './entities/project-partner.entity';
import { Project } from './entities/project.entity';
import { ResultArea } from './entities/result-area.entity';

/** What a figure's dates must fall inside. */
export type FundingPeriodSpan = Pick<FundingPeriod, 'id' | 'startDate' | 'endDate'>;

export interface ProjectDetail {
  project: Project;
  partners: ProjectPartner[];
  fundingPeriods: FundingPeriod[];
  objectives: Objective[];
  resultAreas: ResultArea[];
}

/** Read queries about projects and their structure, each named for what it returns. */
@Injectable()
export class ProjectsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findDetail(projectId: number): Promise<ProjectDetail> {
    const em = this.dataSource.manager;
    const [project, partners, fundingPeriods, objectives, resultAreas] = await Promise.all([
      em.findOneOrFail(Project, { where: { id: projectId }, relations: { leadOrganisation: true } }),
      em.find(ProjectPartner, { where: { projectId }, relations: { organisation: true }, order: { id: 'ASC' } }),
      this.findFundingPeriods([projectId]),
      em.find(Objective, { where: { projectId }, order: { sortOrder: 'ASC', id: 'ASC' } }),
      em.find(ResultArea, { where: { projectId }, order: { sortOrder: 'ASC', id: 'ASC' } }),
    ]);
    return { project, partners, fundingPeriods, objectives, resultAreas };
  }

  /** Projects by id (or all), with their lead organisation, ordered by code. */
  findProjects(projectIds: number[] | 'all'): Promise<Project[]> {
    if (projectIds !== 'all' && projectIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.find(Project, {
      where: projectIds === 'all' ? {} : { id: In(projectIds) },
      relations: { leadOrganisation: true },
      order: { code: 'ASC' },
    });
  }

  /** Funding periods of the given projects with their funders and public call, oldest first. */
  findFundingPeriods(projectIds: number[] | 'all'): Promise<FundingPeriod[]> {
    if (projectIds !== 'all' && projectIds.length === 0) return Promise.resolve([]);
    const qb = this.dataSource.manager
      .createQueryBuilder(FundingPeriod, 'fp')
      .leftJoinAndSelect('fp.funders', 'fpf')
      .leftJoinAndSelect('fpf.funder', 'funder')
      .leftJoinAndSelect('fp.publicCall', 'call');
    if (projectIds !== 'all') qb.where('fp.projectId IN (:...projectIds)', { projectIds });
    return qb
      .orderBy('fp.startDate', 'ASC')
      .addOrderBy('fp.id', 'ASC')
      .addOrderBy('fpf.id', 'ASC')
      .getMany();
  }

  /** Serialises writes of one project's texts (narratives) until the transaction ends, on PostgreSQL. */
  async lockForWrite(em: EntityManager, projectId: number): Promise<void> {
    if (em.connection.options.type !== 'postgres') return;
    await em.query('SELECT id FROM "project" WHERE id = $1 FOR UPDATE', [projectId]);
  }

  findById(id: number, em: EntityManager = this.dataSource.manager): Promise<Project | null> {
    return em.findOneBy(Project, { id });
  }

  findByCode(code: string, em: EntityManager = this.dataSource.manager): Promise<Project | null> {
    return em.findOneBy(Project, { code });
  }

  /** The funding periods' spans of one project, oldest first (what a figure must fall inside). */
  findPeriodSpans(projectId: number, em: EntityManager = this.dataSource.manager): Promise<FundingPeriodSpan[]> {
    return selectRows<FundingPeriodSpan>(em, 'SELECT "id", "startDate", "endDate" FROM "funding_period" WHERE "projectId" = ? ORDER BY "startDate", "id"', [projectId]);
  }

  /** The organisations taking part in the project (lead, partners, stakeholders). */
  async findPartnerIds(projectId: number, em: EntityManager = this.dataSource.manager): Promise<Set<number>> {
    const rows = await selectRows<{ organisationId: number }>(em, 'SELECT "organisationId" FROM "project_partner" WHERE "projectId" = ?', [projectId]);
    return new Set(rows.map((r) => Number(r.organisationId)));
  }

  /** Whether the organisation takes part in the project in any role (lead, partner, stakeholder). */
  takesPart(projectId: number, organisationId: number, em: EntityManager = this.dataSource.manager): Promise<boolean> {
    return em.existsBy(ProjectPartner, { projectId, organisationId });
  }

  hasResultArea(projectId: number, resultAreaId: number, em: EntityManager = this.dataSource.manager): Promise<boolean> {
    return em.existsBy(ResultArea, { id: resultAreaId, projectId });
  }

  count(em: EntityManager = this.dataSource.manager): Promise<number> {
    return em.count(Project);
  }

  /** Those of the given ids that are projects. */
  async existingIds(ids: readonly number[], em: EntityManager = this.dataSource.manager): Promise<number[]> {
    if (ids.length === 0) return [];
    return (await em.find(Project, { select: { id: true }, where: { id: In([...ids]) } })).map((p) => p.id);
  }

  /** Ids of the projects with these codes; unknown codes are absent. */
  async idsByCode(codes: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Map<string, number>> {
    if (codes.length === 0) return new Map();
    const rows = await em.find(Project, { select: { id: true, code: true }, where: { code: In([...codes]) } });
    return new Map(rows.map((p) => [p.code, p.id]));
  }

  /**
   * Projects led by one of these organisations or run in partnership with one, in one query.
   * Stakeholders (an employers' representative, a ministry) are not partners: a project where the
   * organisation is only a stakeholder stays out.
   */
  async idsLedOrPartneredBy(organisationIds: readonly number[]): Promise<number[]> {
    if (organisationIds.length === 0) return [];
    const qb = this.dataSource.manager.createQueryBuilder(Project, 'p').select('p.id', 'id');
    const partnered = qb
      .subQuery()
      .select('pp.projectId')
      .from(ProjectPartner, 'pp')
      .where('pp.organisationId IN (:...organisationIds)')
      .andWhere('pp.role IN (:...partnerRoles)')
      .getQuery();
    const rows = await qb
      .where(new Brackets((w) => w.where('p.leadOrganisationId IN (:...organisationIds)').orWhere(`p.id IN ${partnered}`)))
      .setParameters({ organisationIds: [...organisationIds], partnerRoles: ['lead', 'partner'] })
      .orderBy('p.id')
      .getRawMany<{ id: number | string }>();
    return rows.map((r) => Number(r.id));
  }

  /** Those of these organisations that are partners (not the lead, not stakeholders) of the project. */
  async partnerOrganisationIds(projectId: number, organisationIds: readonly number[]): Promise<number[]> {
    if (organisationIds.length === 0) return [];
    const rows = await this.dataSource.manager.find(ProjectPartner, {
      where: { projectId, organisationId: In([...organisationIds]), role: 'partner' },
      order: { organisationId: 'ASC' },
    });
    return rows.map((r) => r.organisationId);
  }

  /** Whether the project's lead organisation is one of these. */
  isLedByOneOf(projectId: number, organisationIds: readonly number[]): Promise<boolean> {
    if (organisationIds.length === 0) return Promise.resolve(false);
    return this.dataSource.manager.existsBy(Project, { id: projectId, leadOrganisationId: In([...organisationIds]) });
  }

  /**
   * Projects with a funding period financed by one of these funders or, for a scope limited to a
   * call, awarded under that call. One query.
   */
  async idsFundedBy(scopes: readonly { funderId: number; publicCallId: number | null }[]): Promise<number[]> {
    if (scopes.length === 0) return [];
    const rows = await this.dataSource.manager
      .createQueryBuilder(FundingPeriod, 'fp')
      .innerJoin(FundingPeriodFunder, 'fpf', 'fpf.fundingPeriodId = fp.id')
      .select('DISTINCT fp.projectId', 'projectId')
      .where(
        new Brackets((w) => {
          for (const [i, s] of scopes.entries()) {
            if (s.publicCallId === null) w.orWhere(`fpf.funderId = :funder${i}`, { [`funder${i}`]: s.funderId });
            else w.orWhere(`(fpf.funderId = :funder${i} AND fp.publicCallId = :call${i})`, { [`funder${i}`]: s.funderId, [`call${i}`]: s.publicCallId });
          }
        }),
      )
      .getRawMany<{ projectId: number | string }>();
    return rows.map((r) => Number(r.projectId)).sort((a, b) => a - b);
  }
}

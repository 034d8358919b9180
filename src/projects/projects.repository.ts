import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity';
import { FundingPeriod } from './entities/funding-period.entity';
import { Objective } from './entities/objective.entity';
import { ProjectPartner } from './entities/project-partner.entity';
import { Project } from './entities/project.entity';
import { ResultArea } from './entities/result-area.entity';

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

  /** Names of all organisations by id (a small table; one query instead of one per partner). */
  async findOrganisationNames(): Promise<Map<number, string>> {
    const rows = await this.dataSource.manager.find(Organisation, { select: { id: true, name: true } });
    return new Map(rows.map((r) => [r.id, r.name]));
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
  findPeriodSpans(projectId: number, em: EntityManager = this.dataSource.manager): Promise<Pick<FundingPeriod, 'id' | 'startDate' | 'endDate'>[]> {
    return em.find(FundingPeriod, { select: { id: true, startDate: true, endDate: true }, where: { projectId }, order: { startDate: 'ASC', id: 'ASC' } });
  }

  /** The organisations taking part in the project (lead, partners, stakeholders), by id. */
  async findPartners(projectId: number, em: EntityManager = this.dataSource.manager): Promise<Map<number, string>> {
    const rows = await em.find(ProjectPartner, { where: { projectId }, relations: { organisation: true }, order: { id: 'ASC' } });
    return new Map(rows.map((r) => [r.organisationId, r.organisation?.name ?? String(r.organisationId)]));
  }
}

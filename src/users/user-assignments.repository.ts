import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity';
import { FundingPeriodFunder } from '../projects/entities/funding-period-funder.entity';
import { FundingPeriod } from '../projects/entities/funding-period.entity';
import { ProjectPartner } from '../projects/entities/project-partner.entity';
import { Project } from '../projects/entities/project.entity';
import { UserFunder, UserOrganisation, UserProject } from './entities/user-assignment.entity';
import type { Assignments, FunderScope } from './user-view';

/**
 * Which projects are assigned to a user, which organisations a coordinator coordinates, and the
 * project ids these give access to. Every query on user_project and user_organisation is here.
 */
@Injectable()
export class UserAssignmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async projectIdsAssignedTo(userId: number, em: EntityManager = this.dataSource.manager): Promise<number[]> {
    const rows = await em.find(UserProject, { where: { userId }, order: { projectId: 'ASC' } });
    return rows.map((r) => r.projectId);
  }

  async organisationIdsCoordinatedBy(userId: number, em: EntityManager = this.dataSource.manager): Promise<number[]> {
    const rows = await em.find(UserOrganisation, { where: { userId }, order: { organisationId: 'ASC' } });
    return rows.map((r) => r.organisationId);
  }

  /**
   * Projects led by, or run in partnership with, an organisation the user coordinates, in one
   * query. Stakeholders (an employers' representative, a ministry) are not partners: a project
   * where the organisation is only a stakeholder stays out of its coordinator's reach.
   */
  async projectIdsCoordinatedBy(userId: number): Promise<number[]> {
    const qb = this.dataSource.manager.createQueryBuilder(Project, 'p').select('p.id', 'id');
    const coordinated = qb.subQuery().select('uo.organisationId').from(UserOrganisation, 'uo').where('uo.userId = :userId').getQuery();
    const partnered = qb
      .subQuery()
      .select('pp.projectId')
      .from(ProjectPartner, 'pp')
      .where(`pp.organisationId IN ${coordinated}`)
      .andWhere('pp.role IN (:...partnerRoles)')
      .getQuery();
    const rows = await qb
      .where(new Brackets((w) => w.where(`p.leadOrganisationId IN ${coordinated}`).orWhere(`p.id IN ${partnered}`)))
      .setParameters({ userId, partnerRoles: ['lead', 'partner'] })
      .orderBy('p.id')
      .getRawMany<{ id: number | string }>();
    return rows.map((r) => Number(r.id));
  }

  /** The organisations the user coordinates that are partners (not the lead) of the project. */
  async partnerOrganisationsInProject(userId: number, projectId: number): Promise<number[]> {
    const coordinated = await this.organisationIdsCoordinatedBy(userId);
    if (coordinated.length === 0) return [];
    const rows = await this.dataSource.manager.find(ProjectPartner, { where: { projectId, organisationId: In(coordinated), role: 'partner' }, order: { organisationId: 'ASC' } });
    return rows.map((r) => r.organisationId);
  }

  /** Whether the project's lead organisation is one the user coordinates. */
  async leadsProject(userId: number, projectId: number): Promise<boolean> {
    const coordinated = await this.organisationIdsCoordinatedBy(userId);
    if (coordinated.length === 0) return false;
    return this.dataSource.manager.existsBy(Project, { id: projectId, leadOrganisationId: In(coordinated) });
  }

  /** Assignments of many users at once, for listings. */
  async forUsers(userIds: number[]): Promise<Map<number, Assignments>> {
    const result = new Map(userIds.map((id): [number, Assignments] => [id, { projectIds: [], organisationIds: [], funders: [] }]));
    if (userIds.length === 0) return result;
    const [projects, organisations, funders] = await Promise.all([
      this.dataSource.manager.find(UserProject, { where: { userId: In(userIds) }, order: { projectId: 'ASC' } }),
      this.dataSource.manager.find(UserOrganisation, { where: { userId: In(userIds) }, order: { organisationId: 'ASC' } }),
      this.dataSource.manager.find(UserFunder, { where: { userId: In(userIds) }, order: { id: 'ASC' } }),
    ]);
    for (const p of projects) result.get(p.userId)?.projectIds.push(p.projectId);
    for (const o of organisations) result.get(o.userId)?.organisationIds.push(o.organisationId);
    for (const f of funders) result.get(f.userId)?.funders.push({ funderId: f.funderId, publicCallId: f.publicCallId });
    return result;
  }

  async replaceProjects(em: EntityManager, userId: number, projectIds: number[]): Promise<void> {
    await em.delete(UserProject, { userId });
    if (projectIds.length > 0) await em.insert(UserProject, projectIds.map((projectId) => ({ userId, projectId })));
  }

  async replaceOrganisations(em: EntityManager, userId: number, organisationIds: number[]): Promise<void> {
    await em.delete(UserOrganisation, { userId });
    if (organisationIds.length > 0) {
      await em.insert(UserOrganisation, organisationIds.map((organisationId) => ({ userId, organisationId })));
    }
  }

  async existingProjectIds(em: EntityManager, ids: number[]): Promise<number[]> {
    if (ids.length === 0) return [];
    return (await em.find(Project, { select: { id: true }, where: { id: In(ids) } })).map((p) => p.id);
  }

  async existingOrganisationIds(em: EntityManager, ids: number[]): Promise<number[]> {
    if (ids.length === 0) return [];
    return (await em.find(Organisation, { select: { id: true }, where: { id: In(ids) } })).map((o) => o.id);
  }

  /** Ids of the projects with these codes, for the CLI and the demo users; unknown codes are absent. */
  async projectIdsByCode(em: EntityManager, codes: string[]): Promise<Map<string, number>> {
    if (codes.length === 0) return new Map();
    const rows = await em.find(Project, { select: { id: true, code: true }, where: { code: In(codes) } });
    return new Map(rows.map((p) => [p.code, p.id]));
  }

  async organisationIdByName(em: EntityManager, name: string): Promise<number | null> {
    const row = await em.findOne(Organisation, { select: { id: true }, where: { name } });
    return row?.id ?? null;
  }

  /**
   * Active users answerable for a project's report: its assigned project managers and the
   * coordinators of its lead organisation (not auditors, not partners' coordinators).
   */
  async userIdsResponsibleFor(projectId: number): Promise<number[]> {
    const em = this.dataSource.manager;
    const project = await em.findOneBy(Project, { id: projectId });
    if (!project) return [];
    const managers = await em
      .createQueryBuilder(UserProject, 'up')
      .innerJoin('up.user', 'u')
      .select('up.userId', 'userId')
      .where('up.projectId = :projectId AND u.role = :role AND u.active = :active', { projectId, role: 'project_manager', active: true })
      .getRawMany<{ userId: number | string }>();
    const coordinators = await em
      .createQueryBuilder(UserOrganisation, 'uo')
      .innerJoin('uo.user', 'u')
      .select('uo.userId', 'userId')
      .where('uo.organisationId = :org AND u.role = :role AND u.active = :active', { org: project.leadOrganisationId, role: 'coordinator', active: true })
      .getRawMany<{ userId: number | string }>();
    return [...new Set([...managers, ...coordinators].map((r) => Number(r.userId)))].sort((a, b) => a - b);
  }

  /**
   * Projects a reviewer oversees: those with a funding period financed by one of their funders,
   * or, for a scope limited to a call, awarded under that call. One query.
   */
  async projectIdsFundedFor(userId: number): Promise<number[]> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(FundingPeriod, 'fp')
      .innerJoin(FundingPeriodFunder, 'fpf', 'fpf.fundingPeriodId = fp.id')
      .innerJoin(UserFunder, 'uf', 'uf.funderId = fpf.funderId AND (uf.publicCallId IS NULL OR uf.publicCallId = fp.publicCallId)')
      .select('DISTINCT fp.projectId', 'projectId')
      .where('uf.userId = :userId', { userId })
      .getRawMany<{ projectId: number | string }>();
    return rows.map((r) => Number(r.projectId)).sort((a, b) => a - b);
  }

  async funderScopesOf(userId: number, em: EntityManager = this.dataSource.manager): Promise<FunderScope[]> {
    const rows = await em.find(UserFunder, { where: { userId }, order: { id: 'ASC' } });
    return rows.map((r) => ({ funderId: r.funderId, publicCallId: r.publicCallId }));
  }

  async replaceFunders(em: EntityManager, userId: number, scopes: { funderId: number; publicCallId: number | null }[]): Promise<void> {
    await em.delete(UserFunder, { userId });
    if (scopes.length > 0) await em.insert(UserFunder, scopes.map((s) => ({ userId, ...s })));
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { ProjectsRepository } from '../projects/projects.repository';
import { UserFunder, UserOrganisation, UserProject } from './entities/user-assignment.entity';
import type { Assignments, FunderScope } from './user-view';

/**
 * Which projects are assigned to a user, which organisations a coordinator coordinates, and the
 * project ids these give access to. Every query on user_project and user_organisation is here;
 * what a project's lead, partners and funders are, the projects feature answers.
 */
@Injectable()
export class UserAssignmentsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectsRepository,
  ) {}

  async projectIdsAssignedTo(userId: number, em: EntityManager = this.dataSource.manager): Promise<number[]> {
    const rows = await em.find(UserProject, { where: { userId }, order: { projectId: 'ASC' } });
    return rows.map((r) => r.projectId);
  }

  async organisationIdsCoordinatedBy(userId: number, em: EntityManager = this.dataSource.manager): Promise<number[]> {
    const rows = await em.find(UserOrganisation, { where: { userId }, order: { organisationId: 'ASC' } });
    return rows.map((r) => r.organisationId);
  }

  /**
   * Projects led by, or run in partnership with, an organisation the user coordinates. Stakeholders
   * are not partners: a project where the organisation is only a stakeholder stays out of reach.
   */
  async projectIdsCoordinatedBy(userId: number): Promise<number[]> {
    return this.projects.idsLedOrPartneredBy(await this.organisationIdsCoordinatedBy(userId));
  }

  /** The organisations the user coordinates that are partners (not the lead) of the project. */
  async partnerOrganisationsInProject(userId: number, projectId: number): Promise<number[]> {
    return this.projects.partnerOrganisationIds(projectId, await this.organisationIdsCoordinatedBy(userId));
  }

  /** Whether the project's lead organisation is one the user coordinates. */
  async leadsProject(userId: number, projectId: number): Promise<boolean> {
    return this.projects.isLedByOneOf(projectId, await this.organisationIdsCoordinatedBy(userId));
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

  /**
   * Active users answerable for a project's report: its assigned project managers and the
   * coordinators of its lead organisation (not auditors, not partners' coordinators).
   */
  async userIdsResponsibleFor(projectId: number): Promise<number[]> {
    const em = this.dataSource.manager;
    const project = await this.projects.findById(projectId);
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
   * or, for a scope limited to a call, awarded under that call.
   */
  async projectIdsFundedFor(userId: number): Promise<number[]> {
    return this.projects.idsFundedBy(await this.funderScopesOf(userId));
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

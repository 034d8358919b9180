import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { AccessPolicy, PROJECT_NOT_FOUND } from '../access/access-policy';
import type { Permission } from '../access/permissions';
import { ConflictError, NotFoundError, RuleViolationError } from '../common/errors';
import { AuditContext, auditedCreate, auditedDelete, auditedUpdate } from '../database/audited-writes';
import { Transactions } from '../database/transactions';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { CreateProjectDto, UpdateProjectDto } from './dto/project.dto';
import { FundingPeriodFunder } from './entities/funding-period-funder.entity';
import { FundingPeriod } from './entities/funding-period.entity';
import { Objective } from './entities/objective.entity';
import { ProjectPartner } from './entities/project-partner.entity';
import { ResultArea } from './entities/result-area.entity';
import { Project } from './entities/project.entity';
import { ProjectDependents } from './project-dependents';
import { ProjectDetail, ProjectsRepository } from './projects.repository';
import { join, render, t } from '../common/i18n/text';
import { reportingYears, ReportingYear } from './reporting-years';

@Injectable()
export class ProjectsService {
  constructor(
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    private readonly repository: ProjectsRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
    private readonly dependents: ProjectDependents,
    private readonly organisations: OrganisationsRepository,
  ) {}

  async list(actor: Actor): Promise<Project[]> {
    const ids = await this.access.readableProjectIds(actor);
    return this.projects.find({
      where: ids === 'all' ? {} : { id: In(ids) },
      relations: { leadOrganisation: true },
      order: { code: 'ASC' },
    });
  }

  /** The project with this code, after checking the actor may read it. */
  async getByCode(code: string, actor: Actor): Promise<Project> {
    const project = await this.projects.findOneBy({ code });
    // The same answer as for a project the actor may not see, so that existence is not revealed.
    if (!project) throw new NotFoundError(PROJECT_NOT_FOUND);
    await this.access.require(actor, 'project.read', { projectId: project.id });
    return project;
  }

  /** The project with this code, after checking the actor may use `permission` on it. */
  async getWritable(code: string, actor: Actor, permission: Permission): Promise<Project> {
    const project = await this.getByCode(code, actor);
    await this.access.require(actor, permission, { projectId: project.id });
    return project;
  }

  async detail(code: string, actor: Actor): Promise<ProjectDetail & { reportingYears: ReportingYear[]; permissions: Permission[] }> {
    const project = await this.getByCode(code, actor);
    const [detail, permissions] = await Promise.all([this.repository.findDetail(project.id), this.access.permissionsFor(actor, project.id)]);
    const years = new Map<number, ReportingYear>();
    for (const period of detail.fundingPeriods) {
      for (const y of reportingYears(period.startDate, period.endDate)) {
        const known = years.get(y.year);
        years.set(y.year, known ? mergeYears(known, y) : y);
      }
    }
    return { ...detail, reportingYears: [...years.values()].sort((a, b) => a.year - b.year), permissions };
  }

  async create(dto: CreateProjectDto, actor: Actor): Promise<Project> {
    await this.access.require(actor, 'project.create', { organisationId: dto.leadOrganisationId });
    return this.transactions.run(async (em) => {
      await this.assertOrganisation(em, dto.leadOrganisationId, 'leadOrganisationId');
      const project = await auditedCreate(this.ctx(em, actor, null), Project, {
        description: null,
        region: null,
        places: [],
        status: 'active',
        ...dto,
      });
      await auditedCreate({ ...this.ctx(em, actor, project.id), entityType: 'project_partner' }, ProjectPartner, {
        projectId: project.id,
        organisationId: dto.leadOrganisationId,
        role: 'lead',
        note: null,
      });
      return project;
    });
  }

  async update(code: string, dto: UpdateProjectDto, actor: Actor): Promise<Project> {
    const project = await this.getWritable(code, actor, 'project.update');
    return this.transactions.run(async (em) => {
      if (dto.leadOrganisationId !== undefined) {
        await this.assertOrganisation(em, dto.leadOrganisationId, 'leadOrganisationId');
        await this.access.require(actor, 'project.update', { organisationId: dto.leadOrganisationId });
      }
      return (await auditedUpdate(this.ctx(em, actor, project.id), Project, project.id, dto)).after;
    });
  }

  /**
   * Only a project without indicators and locked years can go; anything else would cascade figures
   * away without their audit entries. A finished project is marked `completed` instead.
   */
  async remove(code: string, actor: Actor): Promise<void> {
    const project = await this.getWritable(code, actor, 'project.delete');
    await this.transactions.run(async (em) => {
      const blocking = await this.dependents.blocking(em, project.id);
      if (blocking.length > 0) {
        throw new ConflictError(
          t(
            `Projekt ${code} ima ${render(join(blocking, ' in '), 'sl')}; namesto brisanja mu nastavite stanje zaključen ali preklican`,
            `Project ${code} has ${render(join(blocking, ' and '), 'en')}; set its status to completed or cancelled instead of deleting it`,
          ),
        );
      }
      // The parts go one by one, each with its audit entry, rather than by a silent cascade.
      await this.dependents.removeAll(em, project.id, actor);
      const ctx = (entityType: string) => ({ ...this.ctx(em, actor, project.id), entityType });
      const periods = await em.findBy(FundingPeriod, { projectId: project.id });
      const funders = periods.length ? await em.findBy(FundingPeriodFunder, { fundingPeriodId: In(periods.map((p) => p.id)) }) : [];
      for (const f of funders) await auditedDelete(ctx('funding_period_funder'), FundingPeriodFunder, f.id);
      for (const [entity, entityType] of PROJECT_PARTS) {
        for (const row of await em.findBy(entity, { projectId: project.id })) await auditedDelete(ctx(entityType), entity, row.id);
      }
      await auditedDelete(this.ctx(em, actor, project.id), Project, project.id);
    });
  }

  /** Refuses an organisation id that does not exist, naming the field. */
  async assertOrganisation(em: EntityManager, id: number, field: string): Promise<void> {
    if (!(await this.organisations.exists(id, em))) {
      throw new RuleViolationError('Unknown organisation', [{ field, message: `organisation ${id} does not exist` }]);
    }
  }

  private ctx(em: EntityManager, actor: Actor, projectId: number | null): AuditContext {
    return { em, audit: this.audit, actor, entityType: 'project', projectId };
  }
}

/** The project's own parts, in the order they can be removed (other features' records go first). */
const PROJECT_PARTS = [
  [ResultArea, 'result_area'],
  [Objective, 'objective'],
  [FundingPeriod, 'funding_period'],
  [ProjectPartner, 'project_partner'],
] as const;

function mergeYears(a: ReportingYear, b: ReportingYear): ReportingYear {
  const start = a.start < b.start ? a.start : b.start;
  const end = a.end > b.end ? a.end : b.end;
  return { year: a.year, start, end, partial: start !== `${a.year}-01-01` || end !== `${a.year}-12-31` };
}

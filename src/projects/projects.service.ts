import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { PROJECT_NOT_FOUND, ProjectAccessService } from '../auth/project-access.service';
import { NotFoundError, RuleViolationError } from '../common/errors';
import { AuditContext, auditedCreate, auditedDelete, auditedUpdate } from '../database/audited-writes';
import { Transactions } from '../database/transactions';
import { Organisation } from '../organisations/organisation.entity';
import { CreateProjectDto, UpdateProjectDto } from './dto/project.dto';
import { ProjectPartner } from './entities/project-partner.entity';
import { Project } from './entities/project.entity';
import { ProjectDetail, ProjectsRepository } from './projects.repository';
import { reportingYears, ReportingYear } from './reporting-years';

@Injectable()
export class ProjectsService {
  constructor(
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    private readonly repository: ProjectsRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly access: ProjectAccessService,
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
    await this.access.assertCanRead(actor, project.id);
    return project;
  }

  async getWritable(code: string, actor: Actor): Promise<Project> {
    const project = await this.getByCode(code, actor);
    await this.access.assertCanWrite(actor, project.id);
    return project;
  }

  async detail(code: string, actor: Actor): Promise<ProjectDetail & { reportingYears: ReportingYear[] }> {
    const project = await this.getByCode(code, actor);
    const detail = await this.repository.findDetail(project.id);
    const years = new Map<number, ReportingYear>();
    for (const period of detail.fundingPeriods) {
      for (const y of reportingYears(period.startDate, period.endDate)) {
        const known = years.get(y.year);
        years.set(y.year, known ? mergeYears(known, y) : y);
      }
    }
    return { ...detail, reportingYears: [...years.values()].sort((a, b) => a.year - b.year) };
  }

  create(dto: CreateProjectDto, actor: Actor): Promise<Project> {
    return this.transactions.run(async (em) => {
      await assertOrganisation(em, dto.leadOrganisationId, 'leadOrganisationId');
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
    const project = await this.getWritable(code, actor);
    return this.transactions.run(async (em) => {
      if (dto.leadOrganisationId !== undefined) await assertOrganisation(em, dto.leadOrganisationId, 'leadOrganisationId');
      return (await auditedUpdate(this.ctx(em, actor, project.id), Project, project.id, dto)).after;
    });
  }

  async remove(code: string, actor: Actor): Promise<void> {
    const project = await this.getWritable(code, actor);
    await this.transactions.run((em) => auditedDelete(this.ctx(em, actor, project.id), Project, project.id));
  }

  private ctx(em: EntityManager, actor: Actor, projectId: number | null): AuditContext {
    return { em, audit: this.audit, actor, entityType: 'project', projectId };
  }
}

function mergeYears(a: ReportingYear, b: ReportingYear): ReportingYear {
  const start = a.start < b.start ? a.start : b.start;
  const end = a.end > b.end ? a.end : b.end;
  return { year: a.year, start, end, partial: start !== `${a.year}-01-01` || end !== `${a.year}-12-31` };
}

export async function assertOrganisation(em: EntityManager, id: number, field: string): Promise<void> {
  if (!(await em.existsBy(Organisation, { id }))) {
    throw new RuleViolationError('Unknown organisation', [{ field, message: `organisation ${id} does not exist` }]);
  }
}

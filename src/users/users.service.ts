import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuditAction } from '../audit/audit.types';
import { Actor } from '../auth/actor';
import { hashPassword } from '../auth/password-hasher';
import { ConflictError, FieldError, NotFoundError, RuleViolationError } from '../common/errors';
import { t } from '../common/i18n/text';
import { FundersRepository } from '../funders/funders.repository';
import { nowIso } from '../database/columns';
import { Transactions } from '../database/transactions';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { ProjectsRepository } from '../projects/projects.repository';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { User } from './entities/user.entity';
import { UserAssignmentsRepository } from './user-assignments.repository';
import { assignmentKindsOf, FunderScope, toUserView, UserView } from './user-view';
import { normaliseUsername, UsersRepository } from './users.repository';

type AssignmentChange = { projectIds?: number[]; organisationIds?: number[]; funders?: FunderScope[] };

/**
 * Creating and changing users. Every write is one transaction with its audit entry; the entry
 * holds the user's view (never the password hash), and a password change is marked, not shown.
 */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly assignments: UserAssignmentsRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly funders: FundersRepository,
    private readonly projects: ProjectsRepository,
    private readonly organisations: OrganisationsRepository,
  ) {}

  async list(): Promise<UserView[]> {
    const users = await this.users.findAllByUsername();
    const assignments = await this.assignments.forUsers(users.map((u) => u.id));
    return users.map((u) => toUserView(u, assignments.get(u.id)));
  }

  /** Hashing happens before the transaction: it takes a while, and SQLite transactions queue. */
  async create(dto: CreateUserDto, actor: Actor): Promise<UserView> {
    const username = normaliseUsername(dto.username);
    const passwordHash = await hashPassword(dto.password);
    const view = await this.transactions.run(async (em) => {
      if (await this.users.findByUsername(username, em)) throw new ConflictError(`Username ${username} is already taken`);
      const user = await this.users.insert(em, {
        username,
        displayName: dto.displayName,
        passwordHash,
        role: dto.role,
        active: true,
        createdAt: nowIso(),
      });
      await this.replaceAssignments(em, user, { projectIds: dto.projectIds, organisationIds: dto.organisationIds });
      const after = await this.view(em, user);
      await this.record(em, actor, 'create', user.id, null, after);
      return after;
    });
    this.logger.log(`User ${username} (${dto.role}) created by ${actor.username}`);
    return view;
  }

  async update(id: number, dto: UpdateUserDto, actor: Actor): Promise<UserView> {
    const passwordHash = dto.password === undefined ? undefined : await hashPassword(dto.password);
    return this.transactions.run(async (em) => {
      const current = await this.mustFind(em, id);
      const before = await this.view(em, current);
      const roleChanges = dto.role !== undefined && dto.role !== current.role;
      await this.assertAdminRemains(em, current, dto);
      const updated = await this.users.update(em, id, {
        ...(dto.role !== undefined && { role: dto.role }),
        ...(dto.displayName !== undefined && { displayName: dto.displayName }),
        ...(dto.active !== undefined && { active: dto.active }),
        ...(passwordHash !== undefined && { passwordHash }),
      });
      if (roleChanges) await this.clearUnusedAssignments(em, updated);
      const after = await this.view(em, updated);
      const recorded = passwordHash === undefined ? after : { ...after, passwordChanged: true };
      if (JSON.stringify(before) === JSON.stringify(recorded)) return after;
      await this.record(em, actor, roleChanges ? 'role_change' : 'update', id, before, recorded);
      return after;
    });
  }

  async setProjects(id: number, projectIds: number[], actor: Actor): Promise<UserView> {
    return this.changeAssignments(id, actor, { projectIds });
  }

  async setOrganisations(id: number, organisationIds: number[], actor: Actor): Promise<UserView> {
    return this.changeAssignments(id, actor, { organisationIds });
  }

  /** A reviewer's funders, each whole or one of its public calls; replaces the list. */
  async setFunders(id: number, funders: FunderScope[], actor: Actor): Promise<UserView> {
    await this.assertFunderScopes(funders);
    return this.changeAssignments(id, actor, { funders });
  }

  /** Every funder exists, every call belongs to its funder, and no scope is given twice. */
  private async assertFunderScopes(funders: FunderScope[]): Promise<void> {
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    for (const [i, scope] of funders.entries()) {
      const key = `${scope.funderId}|${scope.publicCallId ?? ''}`;
      if (seen.has(key)) errors.push({ field: `funders[${i}]`, message: t('ta financer (in razpis) je že na seznamu', 'this funder (and call) is already in the list') });
      seen.add(key);
      const funder = await this.funders.findFunder(scope.funderId);
      if (!funder) {
        errors.push({ field: `funders[${i}].funderId`, message: t(`financer ${scope.funderId} ne obstaja`, `funder ${scope.funderId} does not exist`) });
        continue;
      }
      if (scope.publicCallId === null) continue;
      const call = await this.funders.findCall(scope.publicCallId);
      if (!call || call.funderId !== scope.funderId) {
        errors.push({
          field: `funders[${i}].publicCallId`,
          message: call
            ? t(`javni razpis ${scope.publicCallId} ni razpis financerja ${funder.code}`, `public call ${scope.publicCallId} is not a call of the funder ${funder.code}`)
            : t(`javni razpis ${scope.publicCallId} ne obstaja`, `public call ${scope.publicCallId} does not exist`),
        });
      }
    }
    if (errors.length) throw new RuleViolationError(t('Financerjev ni mogoče dodeliti', 'The funders cannot be assigned'), errors);
  }

  private changeAssignments(id: number, actor: Actor, change: AssignmentChange): Promise<UserView> {
    return this.transactions.run(async (em) => {
      const user = await this.mustFind(em, id);
      const before = await this.view(em, user);
      await this.replaceAssignments(em, user, change);
      const after = await this.view(em, user);
      await this.record(em, actor, 'role_change', id, before, after);
      return after;
    });
  }

  /** Replaces the lists given; refuses ids that do not exist and lists the role does not use. */
  private async replaceAssignments(em: EntityManager, user: User, change: AssignmentChange) {
    const uses = assignmentKindsOf(user.role);
    if (change.projectIds?.length && !uses.projects) {
      throw new RuleViolationError('Only project managers and auditors are assigned projects', [
        { field: 'projectIds', message: `a ${user.role} is not assigned projects` },
      ]);
    }
    if (change.organisationIds?.length && !uses.organisations) {
      throw new RuleViolationError('Only coordinators are assigned organisations', [
        { field: 'organisationIds', message: `a ${user.role} is not assigned organisations` },
      ]);
    }
    if (change.funders?.length && !uses.funders) {
      throw new RuleViolationError(t('Financerje nadzirajo le skrbniki pogodb', 'Only reviewers oversee funders'), [
        { field: 'funders', message: t(`vloga ${user.role} nima financerjev; dodelite jih skrbniku pogodb (reviewer)`, `a ${user.role} is not assigned funders; assign them to a reviewer`) },
      ]);
    }
    if (change.funders) await this.assignments.replaceFunders(em, user.id, change.funders);
    if (change.projectIds) {
      assertAllExist('projectIds', 'project', change.projectIds, await this.projects.existingIds(change.projectIds, em));
      await this.assignments.replaceProjects(em, user.id, change.projectIds);
    }
    if (change.organisationIds) {
      const existing = await this.organisations.existingIds(change.organisationIds, em);
      assertAllExist('organisationIds', 'organisation', change.organisationIds, existing);
      await this.assignments.replaceOrganisations(em, user.id, change.organisationIds);
    }
  }

  /** After a role change, assignments the new role does not use would only confuse. */
  private async clearUnusedAssignments(em: EntityManager, user: User): Promise<void> {
    const uses = assignmentKindsOf(user.role);
    if (!uses.projects) await this.assignments.replaceProjects(em, user.id, []);
    if (!uses.organisations) await this.assignments.replaceOrganisations(em, user.id, []);
    if (!uses.funders) await this.assignments.replaceFunders(em, user.id, []);
  }

  /** Nobody could manage users any more once the last active admin were demoted or deactivated. */
  private async assertAdminRemains(em: EntityManager, user: User, dto: UpdateUserDto): Promise<void> {
    const losesAdmin = (dto.role !== undefined && dto.role !== 'admin') || dto.active === false;
    if (user.role !== 'admin' || !user.active || !losesAdmin) return;
    if ((await this.users.countOtherActiveAdmins(em, user.id)) > 0) return;
    throw new RuleViolationError(`${user.username} is the last active admin`, [
      { field: dto.active === false ? 'active' : 'role', message: 'the last active admin cannot be demoted or deactivated' },
    ]);
  }

  private async mustFind(em: EntityManager, id: number): Promise<User> {
    const user = await this.users.findById(id, em);
    if (!user) throw new NotFoundError(`User ${id} does not exist`);
    return user;
  }

  private async view(em: EntityManager, user: User): Promise<UserView> {
    // One after the other: a transaction's queries share one connection.
    const projectIds = await this.assignments.projectIdsAssignedTo(user.id, em);
    const organisationIds = await this.assignments.organisationIdsCoordinatedBy(user.id, em);
    const funders = await this.assignments.funderScopesOf(user.id, em);
    return toUserView(user, { projectIds, organisationIds, funders });
  }

  private record(em: EntityManager, actor: Actor, action: AuditAction, id: number, before: unknown, after: unknown) {
    return this.audit.record(em, { actor, action, entityType: 'user', entityId: id, before, after });
  }
}

function assertAllExist(field: string, label: string, wanted: number[], existing: number[]): void {
  const missing = wanted.filter((id) => !existing.includes(id));
  if (missing.length === 0) return;
  throw new RuleViolationError(`No ${label} with id ${missing.join(', ')}`, [{ field, message: `unknown ${label} id(s): ${missing.join(', ')}` }]);
}

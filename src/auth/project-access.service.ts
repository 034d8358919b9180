import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError } from '../common/errors';
import { UserAssignmentsRepository } from '../users/user-assignments.repository';
import { Actor } from './actor';

/**
 * The answer for a project the actor may not read. It names neither the project's id nor its code;
 * services answering an unknown project with the same text make the two indistinguishable.
 */
export const PROJECT_NOT_FOUND = 'Project not found';

/**
 * Which projects an actor may see and change. Services ask it before every read or write of a
 * project's data, so scoping holds on every path (API, summaries, reports, exports).
 *
 * - admin (and SYSTEM_ACTOR): every project.
 * - coordinator: reads projects led by, or with a partner that is, an organisation they
 *   coordinate; changes only those their organisations lead (a partner's coordinator must not
 *   delete, lock or submit the lead partner's project).
 * - project_manager: the projects assigned to them.
 * - auditor: the projects assigned to them, read-only. No assignment means no project: removing
 *   an auditor's last assignment must narrow their access, never widen it.
 *
 * A project the actor may not read is answered as not found, so its existence is not revealed.
 */
@Injectable()
export class ProjectAccessService {
  constructor(private readonly assignments: UserAssignmentsRepository) {}

  /** Ids of the projects the actor may read, or 'all'; one query. */
  async readableProjectIds(actor: Actor): Promise<number[] | 'all'> {
    if (actor.role === 'admin') return 'all';
    if (actor.userId === null) return [];
    switch (actor.role) {
      case 'coordinator':
        return this.assignments.projectIdsCoordinatedBy(actor.userId);
      case 'project_manager':
      case 'auditor':
        return this.assignments.projectIdsAssignedTo(actor.userId);
      default:
        return [];
    }
  }

  async assertCanRead(actor: Actor, projectId: number): Promise<void> {
    const readable = await this.readableProjectIds(actor);
    if (readable !== 'all' && !readable.includes(projectId)) {
      throw new NotFoundError(PROJECT_NOT_FOUND);
    }
  }

  async assertCanWrite(actor: Actor, projectId: number): Promise<void> {
    await this.assertCanRead(actor, projectId);
    if (actor.role === 'auditor') throw new ForbiddenError('Auditors have read-only access');
    if (actor.role === 'coordinator' && !(await this.assignments.leadsProject(actor.userId!, projectId))) {
      throw new ForbiddenError('A coordinator changes only the projects their organisations lead; a partner project is read-only');
    }
  }

  /** A coordinator may start projects only for the organisations they coordinate. */
  async assertCanLead(actor: Actor, organisationId: number): Promise<void> {
    if (actor.role !== 'coordinator') return;
    const coordinated = await this.assignments.organisationIdsCoordinatedBy(actor.userId!);
    if (!coordinated.includes(organisationId)) {
      throw new ForbiddenError('A coordinator can start projects only for an organisation they coordinate');
    }
  }
}

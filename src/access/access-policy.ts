import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { ForbiddenError, NotFoundError } from '../common/errors';
import { t } from '../common/i18n/text';
import { UserAssignmentsRepository } from '../users/user-assignments.repository';
import { PARTNER_PERMISSIONS, Permission, PERMISSIONS, READ_PERMISSIONS, roleMay } from './permissions';

/**
 * The answer for a project the actor may not read. It names neither the project's id nor its code;
 * an unknown project gets the same text, so the two are indistinguishable.
 */
export const PROJECT_NOT_FOUND = t('Projekt ne obstaja', 'Project not found');

/** What a permission is used on: a project, or the organisation a project is (to be) led by. */
export interface AccessScope {
  projectId?: number;
  organisationId?: number;
}

/**
 * The one access policy: answers every "may this actor do X (to Y)". The role decides what kind
 * of thing an actor may do (the table in permissions.ts); the assignments decide where:
 *
 * - admin (and SYSTEM_ACTOR): everything, everywhere.
 * - coordinator: reads projects led by, or with a partner that is, an organisation they
 *   coordinate; changes only those their organisations lead, and starts projects only for them.
 * - project_manager: the projects assigned to them.
 * - auditor: the projects assigned to them, read-only. No assignment means no project: removing
 *   an auditor's last assignment narrows their access, never widens it.
 * - reviewer (skrbnik pogodbe): the projects with a contract financed by their funder (or by one
 *   of its calls, when scoped to calls); reads, comments, returns or approves reports.
 *
 * A project the actor may not read is answered as not found, so its existence is not revealed.
 */
@Injectable()
export class AccessPolicy {
  constructor(private readonly assignments: UserAssignmentsRepository) {}

  /** Refuses with 403 (or 404 for a project out of reach) unless the actor may. */
  async require(actor: Actor, permission: Permission, scope: AccessScope = {}): Promise<void> {
    if (!roleMay(actor.role, permission)) {
      throw new ForbiddenError(
        t(`Vloga ${actor.role} tega ne sme (${permission})`, `The role ${actor.role} may not do this (${permission})`),
        { permission },
      );
    }
    if (scope.projectId !== undefined) await this.requireProject(actor, permission, scope.projectId);
    if (scope.organisationId !== undefined) await this.requireOrganisation(actor, scope.organisationId);
  }

  async may(actor: Actor, permission: Permission, scope: AccessScope = {}): Promise<boolean> {
    try {
      await this.require(actor, permission, scope);
      return true;
    } catch (error) {
      if (error instanceof ForbiddenError || error instanceof NotFoundError) return false;
      throw error;
    }
  }

  /** What the actor may do: in general, or on one project (which must be readable). */
  async permissionsFor(actor: Actor, projectId?: number): Promise<Permission[]> {
    const general = PERMISSIONS.filter((p) => roleMay(actor.role, p));
    if (projectId === undefined) return general;
    if (!(await this.canRead(actor, projectId))) return [];
    const changes = actor.role !== 'coordinator' || (await this.assignments.leadsProject(actor.userId!, projectId));
    return general.filter((p) => READ_PERMISSIONS.has(p) || PARTNER_PERMISSIONS.has(p) || changes);
  }

  /**
   * Entering achieved values: 'all' where the actor may record any value of the project; for the
   * coordinator of a partner organisation, the organisations whose part ("od tega") they may enter;
   * otherwise refused as `require` refuses.
   */
  async valueEntryScope(actor: Actor, projectId: number): Promise<'all' | ReadonlySet<number>> {
    try {
      await this.require(actor, 'value.record', { projectId });
      return 'all';
    } catch (error) {
      if (!(error instanceof ForbiddenError) || actor.role !== 'coordinator' || actor.userId === null) throw error;
      const own = await this.assignments.partnerOrganisationsInProject(actor.userId, projectId);
      if (own.length === 0) throw error;
      return new Set(own);
    }
  }

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
      case 'reviewer':
        return this.assignments.projectIdsFundedFor(actor.userId);
      default:
        return [];
    }
  }

  private async canRead(actor: Actor, projectId: number): Promise<boolean> {
    const readable = await this.readableProjectIds(actor);
    return readable === 'all' || readable.includes(projectId);
  }

  private async requireProject(actor: Actor, permission: Permission, projectId: number): Promise<void> {
    if (!(await this.canRead(actor, projectId))) throw new NotFoundError(PROJECT_NOT_FOUND);
    if (READ_PERMISSIONS.has(permission) || PARTNER_PERMISSIONS.has(permission) || actor.role !== 'coordinator') return;
    if (!(await this.assignments.leadsProject(actor.userId!, projectId))) {
      throw new ForbiddenError(
        t(
          'Koordinator spreminja le projekte, ki jih vodi njegova organizacija; projekt partnerja je samo za branje',
          'A coordinator changes only the projects their organisations lead; a partner project is read-only',
        ),
      );
    }
  }

  private async requireOrganisation(actor: Actor, organisationId: number): Promise<void> {
    if (actor.role !== 'coordinator') return;
    const coordinated = await this.assignments.organisationIdsCoordinatedBy(actor.userId!);
    if (!coordinated.includes(organisationId)) {
      throw new ForbiddenError(
        t(
          'Koordinator lahko začne projekt le za organizacijo, ki jo koordinira',
          'A coordinator can start projects only for an organisation they coordinate',
        ),
      );
    }
  }
}

import type { Role } from '../auth/actor';
import type { User } from './entities/user.entity';

/**
 * A user as the API shows it and the audit trail records it. Built field by field, so the
 * password hash cannot slip into a response or an audit entry by spreading the entity.
 */
export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  createdAt: string;
  projectIds: number[];
  organisationIds: number[];
  /** A reviewer's funders, each whole (publicCallId null) or one of its public calls. */
  funders: FunderScope[];
}

export interface FunderScope {
  funderId: number;
  publicCallId: number | null;
}

export interface Assignments {
  projectIds: number[];
  organisationIds: number[];
  funders: FunderScope[];
}

export const NO_ASSIGNMENTS: Assignments = { projectIds: [], organisationIds: [], funders: [] };

export function toUserView(user: User, assignments: Assignments = NO_ASSIGNMENTS): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    active: Boolean(user.active),
    createdAt: user.createdAt,
    projectIds: [...assignments.projectIds],
    organisationIds: [...assignments.organisationIds],
    funders: assignments.funders.map((f) => ({ ...f })),
  };
}

/** Which assignments a role uses: the others are cleared when the role changes. */
export function assignmentKindsOf(role: Role): { projects: boolean; organisations: boolean; funders: boolean } {
  return {
    projects: role === 'project_manager' || role === 'auditor',
    organisations: role === 'coordinator',
    funders: role === 'reviewer',
  };
}

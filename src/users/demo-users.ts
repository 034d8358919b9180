import { EntityManager } from 'typeorm';
import { FundersRepository } from '../funders/funders.repository';
import type { Role } from '../auth/actor';
import { hashPassword } from '../auth/password-hasher';
import { nowIso } from '../database/columns';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { ProjectsRepository } from '../projects/projects.repository';
import { User } from './entities/user.entity';
import { UserAssignmentsRepository } from './user-assignments.repository';

/** The password of every demo user; printed in the README, so never used outside demo mode. */
export const DEMO_PASSWORD = 'kazalnik-demo';
export const DEMO_COORDINATED_ORGANISATION = 'Društvo NOVUS';
export const DEMO_MANAGED_PROJECTS = ['AS', 'KCM', 'SPIN'];

interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  /** Project codes, or 'all' for every demo project. */
  projects?: string[] | 'all';
  organisations?: string[];
  /** Funder codes a reviewer oversees. */
  funders?: string[];
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: 'Skrbnik sistema', role: 'admin' },
  { username: 'koordinator', displayName: 'Koordinatorka Društva NOVUS', role: 'coordinator', organisations: [DEMO_COORDINATED_ORGANISATION] },
  { username: 'vodja', displayName: 'Vodja projektov AS, KCM in SPIN', role: 'project_manager', projects: DEMO_MANAGED_PROJECTS },
  { username: 'revizor', displayName: 'Revizor', role: 'auditor', projects: 'all' },
  { username: 'skrbnik', displayName: 'Skrbnica pogodb MDDSZ', role: 'reviewer', funders: ['MDDSZ'] },
  { username: 'koordinator-lu', displayName: 'Koordinator Ljudske univerze Velenje', role: 'coordinator', organisations: ['Andragoški zavod Ljudska univerza Velenje'] },
];

/**
 * Creates the demo users after the demo projects and organisations, in the caller's transaction.
 * Users that already exist are left alone. Refuses to run in production, whatever the caller does:
 * the demo password is public.
 */
export async function seedDemoUsers(em: EntityManager, allProjectCodes: string[] = DEMO_MANAGED_PROJECTS): Promise<void> {
  if (process.env.NODE_ENV === 'production') throw new Error('Demo users are never created in production');
  const projects = new ProjectsRepository(em.connection);
  const organisations = new OrganisationsRepository(em.connection);
  const assignments = new UserAssignmentsRepository(em.connection, projects);
  const projectIds = await projects.idsByCode([...new Set([...DEMO_MANAGED_PROJECTS, ...allProjectCodes])], em);
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
  for (const [i, demo] of DEMO_USERS.entries()) {
    if (await em.findOneBy(User, { username: demo.username })) continue;
    const user = await em.save(User, em.create(User, { ...pick(demo), passwordHash: hashes[i], active: true, createdAt: nowIso() }));
    if (demo.projects) {
      const codes = demo.projects === 'all' ? allProjectCodes : demo.projects;
      await assignments.replaceProjects(em, user.id, codes.map((code) => required(projectIds.get(code), `project ${code}`)));
    }
    if (demo.organisations) {
      const ids: number[] = [];
      for (const name of demo.organisations) ids.push(required(await organisations.idByName(name, em), `organisation ${name}`));
      await assignments.replaceOrganisations(em, user.id, ids);
    }
    if (demo.funders) {
      const funders = await new FundersRepository(em.connection).funderIdsByCode(demo.funders, em);
      await assignments.replaceFunders(em, user.id, [...funders.values()].map((funderId) => ({ funderId, publicCallId: null })));
    }
  }
}

function pick(demo: DemoUser): Pick<User, 'username' | 'displayName' | 'role'> {
  return { username: demo.username, displayName: demo.displayName, role: demo.role };
}

function required(id: number | null | undefined, what: string): number {
  if (id === null || id === undefined) throw new Error(`Demo users refer to ${what}, which the demo data does not have`);
  return id;
}

import { DataSource } from 'typeorm';
import type { Role } from '../../src/auth/actor';
import { Organisation } from '../../src/organisations/organisation.entity';
import { PartnerRole, ProjectPartner } from '../../src/projects/entities/project-partner.entity';
import { Project } from '../../src/projects/entities/project.entity';
import { UserOrganisation, UserProject } from '../../src/users/entities/user-assignment.entity';
import { User } from '../../src/users/entities/user.entity';

/** Rows for access tests, written straight to the database; every field has a default. */
export function fixtures(dataSource: DataSource) {
  const em = dataSource.manager;
  return {
    organisation: async (name: string): Promise<number> =>
      (await em.save(Organisation, em.create(Organisation, { name, shortName: null, kind: 'ngo', registrationNumber: null, place: null }))).id,

    project: async (code: string, leadOrganisationId: number, partners: [number, PartnerRole][] = []): Promise<number> => {
      const project = await em.save(
        Project,
        em.create(Project, { code, name: `Projekt ${code}`, description: null, leadOrganisationId, places: [], region: null, status: 'active' }),
      );
      for (const [organisationId, role] of partners) {
        await em.save(ProjectPartner, em.create(ProjectPartner, { projectId: project.id, organisationId, role, note: null }));
      }
      return project.id;
    },

    user: async (username: string, role: Role, assigned: { projects?: number[]; organisations?: number[] } = {}): Promise<number> => {
      const user = await em.save(
        User,
        em.create(User, { username, displayName: username, passwordHash: 'scrypt$unused', role, active: true, createdAt: '2026-01-15T09:00:00.000Z' }),
      );
      for (const projectId of assigned.projects ?? []) await em.insert(UserProject, { userId: user.id, projectId });
      for (const organisationId of assigned.organisations ?? []) await em.insert(UserOrganisation, { userId: user.id, organisationId });
      return user.id;
    },
  };
}

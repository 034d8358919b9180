import { Logger } from '@nestjs/common';
import { openTestDatabase, TestDatabase, testDatabaseKinds } from '../../test/support/test-databases';
import { ForbiddenError, NotFoundError } from '../common/errors';
import { fixtures } from '../../test/support/access-fixture';
import { ProjectsRepository } from '../projects/projects.repository';
import { UserAssignmentsRepository } from '../users/user-assignments.repository';
import { Actor, Role, SYSTEM_ACTOR } from '../auth/actor';
import { AccessPolicy } from './access-policy';

beforeAll(() => Logger.overrideLogger(false));

for (const { kind, run, label } of testDatabaseKinds()) {
  (run ? describe : describe.skip)(`AccessPolicy on a real database [${label}]`, () => {
    let db: TestDatabase;
    let access: AccessPolicy;
    /** Project ids by code, and actors by username, of the fixture below. */
    let p: Record<string, number>;
    let actor: (username: string) => Actor;
    let novusId: number;
    let otherId: number;

    /**
     * NOVUS is coordinated by `koordinator`. LEAD is led by NOVUS, PARTNER has NOVUS as a partner,
     * STAKE only as a stakeholder, OTHER has nothing to do with it.
     */
    beforeAll(async () => {
      db = await openTestDatabase(kind);
      const f = fixtures(db.dataSource);
      const [novus, other, third] = [await f.organisation('Društvo NOVUS'), await f.organisation('Zavod Drugi'), await f.organisation('Tretji')];
      [novusId, otherId] = [novus, other];
      p = {
        LEAD: await f.project('LEAD', novus, [[novus, 'lead']]),
        PARTNER: await f.project('PARTNER', other, [[novus, 'partner']]),
        STAKE: await f.project('STAKE', other, [[novus, 'stakeholder']]),
        OTHER: await f.project('OTHER', third, [[other, 'partner']]),
      };
      const ids: Record<string, [number, Role]> = {
        koordinator: [await f.user('koordinator', 'coordinator', { organisations: [novus] }), 'coordinator'],
        vodja: [await f.user('vodja', 'project_manager', { projects: [p.PARTNER, p.OTHER] }), 'project_manager'],
        revizor: [await f.user('revizor', 'auditor'), 'auditor'],
        revizorka: [await f.user('revizorka', 'auditor', { projects: [p.STAKE] }), 'auditor'],
        nov: [await f.user('nov', 'project_manager'), 'project_manager'],
        admin: [await f.user('admin', 'admin'), 'admin'],
      };
      actor = (username) => ({ userId: ids[username][0], username, role: ids[username][1] });
      access = new AccessPolicy(new UserAssignmentsRepository(db.dataSource, new ProjectsRepository(db.dataSource)));
    });

    afterAll(() => db.drop());

    const readable = async (username: string) => {
      const ids = await access.readableProjectIds(actor(username));
      return ids === 'all' ? 'all' : Object.keys(p).filter((code) => ids.includes(p[code])).sort();
    };

    it('lets an admin read every project', async () => {
      await expect(readable('admin')).resolves.toBe('all');
    });

    it('treats the system actor as an admin', async () => {
      await expect(access.readableProjectIds(SYSTEM_ACTOR)).resolves.toBe('all');
    });

    it('lets a coordinator read projects their organisation leads or partners in, not where it is only a stakeholder', async () => {
      await expect(readable('koordinator')).resolves.toEqual(['LEAD', 'PARTNER']);
    });

    it('lets a project manager read the assigned projects only', async () => {
      await expect(readable('vodja')).resolves.toEqual(['OTHER', 'PARTNER']);
    });

    it('lets a project manager without assignments read nothing', async () => {
      await expect(readable('nov')).resolves.toEqual([]);
    });

    it('lets an auditor without assignments read nothing: access is never wider than assigned', async () => {
      await expect(readable('revizor')).resolves.toEqual([]);
    });

    it('narrows an auditor with assignments to them', async () => {
      await expect(readable('revizorka')).resolves.toEqual(['STAKE']);
    });

    it('answers a project the actor may not read as not found', async () => {
      await expect(access.require(actor('vodja'), 'project.read', { projectId: p.LEAD })).rejects.toThrow(NotFoundError);
    });

    it('lets a project manager write an assigned project', async () => {
      await expect(access.require(actor('vodja'), 'value.record', { projectId: p.PARTNER })).resolves.toBeUndefined();
    });

    it('refuses an auditor writing a project they can read with 403', async () => {
      await expect(access.require(actor('revizorka'), 'value.record', { projectId: p.STAKE })).rejects.toThrow(ForbiddenError);
    });

    it('lets a coordinator write the projects their organisation leads', async () => {
      await expect(access.require(actor('koordinator'), 'project.update', { projectId: p.LEAD })).resolves.toBeUndefined();
    });

    it('refuses a coordinator writing a project their organisation is only a partner in, with 403', async () => {
      await expect(access.require(actor('koordinator'), 'project.update', { projectId: p.PARTNER })).rejects.toThrow(ForbiddenError);
    });

    it('refuses a change the role may not make with 403 wherever it is aimed, revealing nothing of the project', async () => {
      await expect(access.require(actor('revizorka'), 'value.record', { projectId: p.LEAD })).rejects.toThrow(ForbiddenError);
      await expect(access.require(actor('revizorka'), 'value.record', { projectId: 999_999 })).rejects.toThrow(ForbiddenError);
    });

    it('answers a permitted kind of change on a project out of reach with 404, not 403', async () => {
      await expect(access.require(actor('vodja'), 'value.record', { projectId: p.LEAD })).rejects.toThrow(NotFoundError);
    });

    it('lets a coordinator start projects only for the organisations they coordinate', async () => {
      await expect(access.require(actor('koordinator'), 'project.create', { organisationId: novusId })).resolves.toBeUndefined();
      await expect(access.require(actor('koordinator'), 'project.create', { organisationId: otherId })).rejects.toThrow(ForbiddenError);
    });

    it('lists what an actor may do in general and on one project', async () => {
      expect(await access.permissionsFor(actor('revizorka'))).not.toContain('value.record');
      expect(await access.permissionsFor(actor('koordinator'), p.LEAD)).toEqual(expect.arrayContaining(['value.record', 'year.lock', 'report.submit']));
      const onPartner = await access.permissionsFor(actor('koordinator'), p.PARTNER);
      expect(onPartner).toContain('project.read');
      expect(onPartner).not.toContain('value.record');
      await expect(access.permissionsFor(actor('vodja'), p.LEAD)).resolves.toEqual([]);
    });
  });
}

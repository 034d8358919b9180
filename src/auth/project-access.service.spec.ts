import { Logger } from '@nestjs/common';
import { openTestDatabase, TestDatabase, testDatabaseKinds } from '../audit/testing/test-databases';
import { ForbiddenError, NotFoundError } from '../common/errors';
import { fixtures } from '../users/testing/access-fixture';
import { UserAssignmentsRepository } from '../users/user-assignments.repository';
import { Actor, Role, SYSTEM_ACTOR } from './actor';
import { ProjectAccessService } from './project-access.service';

beforeAll(() => Logger.overrideLogger(false));

for (const { kind, run, label } of testDatabaseKinds()) {
  (run ? describe : describe.skip)(`ProjectAccessService on a real database [${label}]`, () => {
    let db: TestDatabase;
    let access: ProjectAccessService;
    /** Project ids by code, and actors by username, of the fixture below. */
    let p: Record<string, number>;
    let actor: (username: string) => Actor;

    /**
     * NOVUS is coordinated by `koordinator`. LEAD is led by NOVUS, PARTNER has NOVUS as a partner,
     * STAKE only as a stakeholder, OTHER has nothing to do with it.
     */
    beforeAll(async () => {
      db = await openTestDatabase(kind);
      const f = fixtures(db.dataSource);
      const [novus, other, third] = [await f.organisation('Društvo NOVUS'), await f.organisation('Zavod Drugi'), await f.organisation('Tretji')];
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
      access = new ProjectAccessService(new UserAssignmentsRepository(db.dataSource));
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
      await expect(access.assertCanRead(actor('vodja'), p.LEAD)).rejects.toThrow(NotFoundError);
    });

    it('lets a project manager write an assigned project', async () => {
      await expect(access.assertCanWrite(actor('vodja'), p.PARTNER)).resolves.toBeUndefined();
    });

    it('refuses an auditor writing a project they can read with 403', async () => {
      await expect(access.assertCanWrite(actor('revizorka'), p.STAKE)).rejects.toThrow(ForbiddenError);
    });

    it('lets a coordinator write the projects their organisation leads', async () => {
      await expect(access.assertCanWrite(actor('koordinator'), p.LEAD)).resolves.toBeUndefined();
    });

    it('refuses a coordinator writing a project their organisation is only a partner in, with 403', async () => {
      await expect(access.assertCanWrite(actor('koordinator'), p.PARTNER)).rejects.toThrow(ForbiddenError);
    });

    it('answers an auditor writing a project outside their assignments with 404, not 403', async () => {
      await expect(access.assertCanWrite(actor('revizorka'), p.LEAD)).rejects.toThrow(NotFoundError);
    });
  });
}

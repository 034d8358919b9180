import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../support/app';
import { login } from '../support/auth';
import { Client, clientFor } from '../support/http';

/**
 * An admin makes a new funder's reviewer (skrbnik pogodbe) through the API: the funders, or one
 * public call of a funder, whose contracts they oversee. The reviewer then reads exactly those
 * projects; bad assignments answer 422 naming the field, in Slovene by default; every change is in
 * the audit trail; a role change clears funders the new role does not use.
 */
const PASSWORD = 'dolgo-geslo-2026';

describe('assigning funders to a reviewer', () => {
  let t: TestApp;
  let admin: Client;
  let adminSl: Client;
  let funders: Record<string, number>;
  let calls: { id: number; funderId: number; name: string }[];
  let reviewerId: number;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, adminSl] = await Promise.all([clientFor(t.app, 'admin', 'en'), clientFor(t.app, 'admin')]);
    funders = Object.fromEntries(((await admin.get('/api/funders').expect(200)).body as { id: number; code: string }[]).map((f) => [f.code, f.id]));
    calls = (await admin.get('/api/public-calls').expect(200)).body;
    const created = await admin.post('/api/users', { username: 'skrbnik.mju', displayName: 'Skrbnik MJU', password: PASSWORD, role: 'reviewer' }).expect(201);
    reviewerId = created.body.id;
    expect(created.body.funders).toEqual([]);
  });
  afterAll(() => t.close());

  const projectsOf = async (username: string) => {
    const token = await login(t.app, username, PASSWORD);
    const res = await request(t.app.getHttpServer()).get('/api/projects').set('Authorization', `Bearer ${token}`).expect(200);
    return (res.body as { code: string }[]).map((p) => p.code).sort();
  };

  it('gives a reviewer a whole funder: they read the projects it finances and no others', async () => {
    const res = await admin.put(`/api/users/${reviewerId}/funders`, { funders: [{ funderId: funders.MJU }] }).expect(200);
    expect(res.body.funders).toEqual([{ funderId: funders.MJU, publicCallId: null }]);
    expect(await projectsOf('skrbnik.mju')).toEqual(['JV-HUB', 'MREZA', 'NOVUS-HUB']);
    const listed = ((await admin.get('/api/users').expect(200)).body as { id: number; funders: unknown[] }[]).find((u) => u.id === reviewerId)!;
    expect(listed.funders).toEqual([{ funderId: funders.MJU, publicCallId: null }]);
  });

  it('narrows a reviewer to one public call of the funder', async () => {
    const call = calls.find((c) => c.funderId === funders.MJU && /profesional/i.test(c.name)) ?? calls.find((c) => c.funderId === funders.MJU)!;
    const res = await admin.put(`/api/users/${reviewerId}/funders`, { funders: [{ funderId: funders.MJU, publicCallId: call.id }] }).expect(200);
    expect(res.body.funders).toEqual([{ funderId: funders.MJU, publicCallId: call.id }]);
    const seen = await projectsOf('skrbnik.mju');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(3);
  });

  it('refuses unknown funders, another funder’s call and repeats with 422 naming each field, in Slovene by default', async () => {
    const other = calls.find((c) => c.funderId !== funders.MJU);
    const body = {
      funders: [{ funderId: 999999 }, { funderId: funders.MJU }, { funderId: funders.MJU }, ...(other ? [{ funderId: funders.MJU, publicCallId: other.id }] : [])],
    };
    const res = await adminSl.put(`/api/users/${reviewerId}/funders`, body).expect(422);
    const fields = (res.body.errors as { field: string; message: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['funders[0].funderId', 'funders[2]', ...(other ? ['funders[3].publicCallId'] : [])]));
    expect(res.body.errors.find((e: { field: string }) => e.field === 'funders[0].funderId').message).toBe('financer 999999 ne obstaja');
    // Nothing changed.
    const listed = ((await admin.get('/api/users').expect(200)).body as { id: number; funders: { publicCallId: number | null }[] }[]).find((u) => u.id === reviewerId)!;
    expect(listed.funders).toHaveLength(1);
    await admin.put(`/api/users/${reviewerId}/funders`, { funders: [{ funderId: 'MJU' }] }).expect(400);
  });

  it('assigns funders only to reviewers, and a role change clears them; each change is audited', async () => {
    const manager = await admin.post('/api/users', { username: 'vodja.nova', displayName: 'Vodja Nova', password: 'dolgo-geslo-2026', role: 'project_manager' }).expect(201);
    const refused = await admin.put(`/api/users/${manager.body.id}/funders`, { funders: [{ funderId: funders.MDDSZ }] }).expect(422);
    expect(refused.body.errors[0].field).toBe('funders');

    const changed = await admin.patch(`/api/users/${reviewerId}`, { role: 'auditor' }).expect(200);
    expect(changed.body.funders).toEqual([]);
    await admin.patch(`/api/users/${reviewerId}`, { role: 'reviewer' }).expect(200);
    expect(await projectsOf('skrbnik.mju')).toEqual([]);

    const trail = (await t.app.get(DataSource).query(`SELECT action, "entityId", after FROM audit_entry WHERE "entityType" = 'user' ORDER BY id`)) as { action: string; entityId: string; after: string }[];
    const mine = trail.filter((e) => e.entityId === String(reviewerId));
    expect(mine.filter((e) => e.action === 'role_change' && String(e.after).includes(`"funderId":${funders.MJU}`)).length).toBeGreaterThanOrEqual(2);
  });

  it('is for admins only', async () => {
    const coordinator = await clientFor(t.app, 'koordinator', 'en');
    await coordinator.put(`/api/users/${reviewerId}/funders`, { funders: [] }).expect(403);
    expect(await login(t.app, 'skrbnik')).toBeTruthy();
  });
});

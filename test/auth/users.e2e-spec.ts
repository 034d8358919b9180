import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp } from '../support/app';
import { bearer, login } from '../support/auth';

interface UserBody {
  id: number;
  username: string;
  role: string;
  active: boolean;
  projectIds: number[];
  organisationIds: number[];
}

/** A new user's fields with overridable defaults. */
function newUser(overrides: Record<string, unknown> = {}) {
  return { username: 'maja.novak', displayName: 'Maja Novak', password: 'dolgo-geslo-2026', role: 'project_manager', ...overrides };
}

describe('users API', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let admin: string;
  let projectIds: Record<string, number>;
  const http = () => request(app.getHttpServer());
  const users = async (): Promise<UserBody[]> => (await http().get('/api/users').set(...bearer(admin)).expect(200)).body;
  const userId = async (username: string) => (await users()).find((u) => u.username === username)!.id;
  const auditTexts = async (): Promise<string> => JSON.stringify(await app.get(DataSource).query('SELECT * FROM audit_entry'));

  beforeAll(async () => {
    ({ app, close } = await createTestApp());
    admin = await login(app, 'admin');
    const projects = (await http().get('/api/projects').set(...bearer(admin))).body as { id: number; code: string }[];
    projectIds = Object.fromEntries(projects.map((p) => [p.code, p.id]));
  });
  afterAll(() => close());

  it('is for admins only', async () => {
    await http().get('/api/users').expect(401);
    await http().get('/api/users').set(...bearer(await login(app, 'koordinator'))).expect(403);
    await http().post('/api/users').set(...bearer(await login(app, 'revizor'))).send(newUser()).expect(403);
  });

  it('lists the demo users with their assignments and without password hashes', async () => {
    const res = await http().get('/api/users').set(...bearer(admin)).expect(200);
    expect(res.body.map((u: UserBody) => [u.username, u.role])).toEqual([
      ['admin', 'admin'],
      ['koordinator', 'coordinator'],
      ['koordinator-lu', 'coordinator'],
      ['revizor', 'auditor'],
      ['skrbnik', 'reviewer'],
      ['vodja', 'project_manager'],
    ]);
    expect(res.body.find((u: UserBody) => u.username === 'vodja').projectIds.sort()).toEqual([projectIds.AS, projectIds.KCM, projectIds.SPIN].sort());
    expect(res.text).not.toMatch(/scrypt|passwordHash|password/);
  });

  it('creates a user, stores the username in lower case, and the user can log in and sees only the assigned project', async () => {
    const res = await http()
      .post('/api/users')
      .set(...bearer(admin))
      .send(newUser({ username: 'Maja.Novak', projectIds: [projectIds.AS] }))
      .expect(201);
    expect(res.body).toMatchObject({ username: 'maja.novak', role: 'project_manager', active: true, projectIds: [projectIds.AS] });
    expect(res.text).not.toMatch(/scrypt|passwordHash|dolgo-geslo/);
    const token = await login(app, 'maja.novak', 'dolgo-geslo-2026');
    const projects = await http().get('/api/projects').set(...bearer(token)).expect(200);
    expect(projects.body.map((p: { code: string }) => p.code)).toEqual(['AS']);
    expect(await auditTexts()).not.toContain('dolgo-geslo-2026');
  });

  it('refuses a taken username with 409', async () => {
    await http().post('/api/users').set(...bearer(admin)).send(newUser({ username: 'VODJA' })).expect(409);
  });

  it.each([
    ['a short password', { password: 'kratko' }, 'password'],
    ['an unknown role', { role: 'superuser' }, 'role'],
    ['a username with spaces', { username: 'maja novak' }, 'username'],
    ['an unknown field', { isAdmin: true }, 'isAdmin'],
  ])('refuses %s with 400 naming the field', async (_label, overrides, field) => {
    const res = await http().post('/api/users').set(...bearer(admin)).send(newUser({ username: 'nova', ...overrides })).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses unknown project ids with 422', async () => {
    const id = await userId('vodja');
    const res = await http().put(`/api/users/${id}/projects`).set(...bearer(admin)).send({ projectIds: [999999] }).expect(422);
    expect(res.body.message).toContain('999999');
  });

  it('refuses organisations for a project manager with 422', async () => {
    const id = await userId('vodja');
    await http().put(`/api/users/${id}/organisations`).set(...bearer(admin)).send({ organisationIds: [1] }).expect(422);
  });

  it('gives an auditor exactly the assigned projects and records the assignment as a role change', async () => {
    const created = await http().post('/api/users').set(...bearer(admin)).send(newUser({ username: 'revizorka', role: 'auditor' })).expect(201);
    const token = await login(app, 'revizorka', 'dolgo-geslo-2026');
    // No assignment means no project: access is never wider than what was assigned.
    expect((await http().get('/api/projects').set(...bearer(token)).expect(200)).body).toEqual([]);
    await http().put(`/api/users/${created.body.id}/projects`).set(...bearer(admin)).send({ projectIds: [projectIds.KCM] }).expect(200);
    const res = await http().get('/api/projects').set(...bearer(token)).expect(200);
    expect(res.body.map((p: { code: string }) => p.code)).toEqual(['KCM']);
    const [entry] = await app
      .get(DataSource)
      .query(`SELECT * FROM audit_entry WHERE action = 'role_change' ORDER BY id DESC LIMIT 1`);
    expect(JSON.parse(entry.after)).toMatchObject({ username: 'revizorka', projectIds: [projectIds.KCM] });
  });

  it('ends the tokens issued before a role change, lets a new login act in the new role, and records it', async () => {
    await http().post('/api/users').set(...bearer(admin)).send(newUser({ username: 'menjava' })).expect(201);
    const token = await login(app, 'menjava', 'dolgo-geslo-2026');
    await http().get('/api/reports/portfolio').set(...bearer(token)).expect(403);
    const id = await userId('menjava');
    const res = await http().patch(`/api/users/${id}`).set(...bearer(admin)).send({ role: 'coordinator' }).expect(200);
    expect(res.body).toMatchObject({ role: 'coordinator', projectIds: [] });
    await http().get('/api/auth/me').set(...bearer(token)).expect(401);
    const fresh = await login(app, 'menjava', 'dolgo-geslo-2026');
    await http().get('/api/reports/portfolio').set(...bearer(fresh)).expect((r) => expect(r.status).not.toBe(403));
    const [entry] = await app.get(DataSource).query(`SELECT * FROM audit_entry WHERE action = 'role_change' ORDER BY id DESC LIMIT 1`);
    expect([JSON.parse(entry.before).role, JSON.parse(entry.after).role]).toEqual(['project_manager', 'coordinator']);
  });

  it('refuses a deactivated user, with the token already issued and at login', async () => {
    await http().post('/api/users').set(...bearer(admin)).send(newUser({ username: 'odhod' })).expect(201);
    const token = await login(app, 'odhod', 'dolgo-geslo-2026');
    await http().patch(`/api/users/${await userId('odhod')}`).set(...bearer(admin)).send({ active: false }).expect(200);
    await http().get('/api/projects').set(...bearer(token)).expect(401);
    const res = await http().post('/api/auth/login').send({ username: 'odhod', password: 'dolgo-geslo-2026' }).expect(401);
    expect(res.body.message).toBe('Invalid username or password');
  });

  it('does not revive the tokens of a deactivated user when the user is reactivated', async () => {
    await http().post('/api/users').set(...bearer(admin)).send(newUser({ username: 'vrnitev' })).expect(201);
    const token = await login(app, 'vrnitev', 'dolgo-geslo-2026');
    const id = await userId('vrnitev');
    await http().patch(`/api/users/${id}`).set(...bearer(admin)).send({ active: false }).expect(200);
    await http().patch(`/api/users/${id}`).set(...bearer(admin)).send({ active: true }).expect(200);
    await http().get('/api/auth/me').set(...bearer(token)).expect(401);
    await login(app, 'vrnitev', 'dolgo-geslo-2026');
  });

  it('keeps the tokens of a user whose display name alone changes', async () => {
    await http().post('/api/users').set(...bearer(admin)).send(newUser({ username: 'preimenovanje' })).expect(201);
    const token = await login(app, 'preimenovanje', 'dolgo-geslo-2026');
    await http().patch(`/api/users/${await userId('preimenovanje')}`).set(...bearer(admin)).send({ displayName: 'Maja Kovač' }).expect(200);
    await http().get('/api/auth/me').set(...bearer(token)).expect(200);
  });

  it('ends the sessions of the old password when the password changes, and marks the change in the audit trail', async () => {
    await http().post('/api/users').set(...bearer(admin)).send(newUser({ username: 'geslo' })).expect(201);
    const old = await login(app, 'geslo', 'dolgo-geslo-2026');
    await http().patch(`/api/users/${await userId('geslo')}`).set(...bearer(admin)).send({ password: 'novo-dolgo-geslo-2026' }).expect(200);
    await http().get('/api/projects').set(...bearer(old)).expect(401);
    await login(app, 'geslo', 'novo-dolgo-geslo-2026');
    const texts = await auditTexts();
    expect(texts).toContain('passwordChanged');
    expect(texts).not.toMatch(/novo-dolgo-geslo|scrypt\$/);
  });

  it('refuses to demote or deactivate the last active admin', async () => {
    const id = await userId('admin');
    await http().patch(`/api/users/${id}`).set(...bearer(admin)).send({ role: 'coordinator' }).expect(422);
    await http().patch(`/api/users/${id}`).set(...bearer(admin)).send({ active: false }).expect(422);
  });
});

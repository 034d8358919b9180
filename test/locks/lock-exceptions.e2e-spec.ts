import { LockExceptionsService } from '../../src/locks/lock-exceptions.service';
import { createTestApp, TestApp } from '../support/app';
import { clientFor, Client } from '../support/http';

/** A lock exception lets one user change one locked year of one project until its end, and no one else. */
describe('lock exceptions', () => {
  let t: TestApp;
  let admin: Client;
  let koordinator: Client;
  let vodja: Client;
  let partner: Client;
  let value: { id: number; version: number };
  let vodjaId: number;
  let projectId: number;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, koordinator, vodja, partner] = await Promise.all(['admin', 'koordinator', 'vodja', 'koordinator-lu'].map((u) => clientFor(t.app, u)));
    const indicators = await vodja.get('/api/projects/AS/indicators').expect(200);
    const u1 = indicators.body.find((i: { code: string }) => i.code === 'AS-U1');
    projectId = u1.projectId;
    const values = await vodja.get(`/api/indicators/${u1.id}/values?year=2020`).expect(200);
    value = { id: values.body[0].id, version: values.body[0].version };
    vodjaId = (await admin.get('/api/users').expect(200)).body.find((u: { username: string }) => u.username === 'vodja').id;
    await koordinator.post('/api/projects/AS/locks', { year: 2020, reason: 'Letno poročilo oddano' }).expect(201);
  });
  afterAll(() => t.close());

  const patch = (who: Client, v: string) => who.patch(`/api/values/${value.id}`, { value: v, version: value.version, reason: 'Dopolnitev po pozivu' });

  it('is opened only by the lead’s coordinator or an admin, with a reason and an end in the future', async () => {
    const body = { year: 2020, userId: vodjaId, until: new Date(Date.now() + 3600_000).toISOString(), reason: 'Dopolnitev po pozivu skrbnika' };
    await vodja.post('/api/projects/AS/lock-exceptions', body).expect(403);
    await partner.post('/api/projects/AS/lock-exceptions', body).expect(403);
    await koordinator.post('/api/projects/AS/lock-exceptions', { ...body, until: '2020-01-01T00:00:00Z' }).expect(422);
    await koordinator.post('/api/projects/AS/lock-exceptions', { ...body, reason: '' }).expect(400);
    await patch(vodja, '63').expect(423);
    const opened = await koordinator.post('/api/projects/AS/lock-exceptions', body).expect(201);
    expect(opened.body).toMatchObject({ year: 2020, userId: vodjaId, openedBy: 'koordinator', closedAt: null });
  });

  it('lets that user change the locked year, and no one else', async () => {
    const changed = await patch(vodja, '63').expect(200);
    value.version = changed.body.version;
    await patch(koordinator, '64').expect(423);
    await patch(admin, '64').expect(423);
  });

  it('closes by itself at its end, and the close is recorded', async () => {
    const service = t.app.get(LockExceptionsService);
    const [open] = (await koordinator.get('/api/projects/AS/lock-exceptions').expect(200)).body;
    const after = new Date(Date.parse(open.until) + 1000);
    await expect(service.isOpenFor(projectId, 2020, vodjaId)).resolves.toBe(true);
    await expect(service.isOpenFor(projectId, 2020, vodjaId, after)).resolves.toBe(false);
    await expect(service.closeExpired(after)).resolves.toBe(1);
    const [closed] = (await koordinator.get('/api/projects/AS/lock-exceptions').expect(200)).body;
    expect(closed).toMatchObject({ closedBy: 'system', closedAt: open.until });
    await patch(vodja, '65').expect(423);
  });

  it('refuses a write a moment after a short exception ends, before any sweep', async () => {
    await koordinator.post('/api/projects/AS/lock-exceptions', { year: 2020, userId: vodjaId, until: new Date(Date.now() + 1500).toISOString(), reason: 'Kratka izjema' }).expect(201);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    await patch(vodja, '66').expect(423);
  });

  it('can be closed early by the coordinator', async () => {
    const opened = await koordinator.post('/api/projects/AS/lock-exceptions', { year: 2020, userId: vodjaId, until: new Date(Date.now() + 3600_000).toISOString(), reason: 'Še ena dopolnitev' }).expect(201);
    await koordinator.post(`/api/projects/AS/lock-exceptions/${opened.body.id}/close`, { reason: 'Dopolnjeno' }).expect(200);
    await patch(vodja, '67').expect(423);
  });
});

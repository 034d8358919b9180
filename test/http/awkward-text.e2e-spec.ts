import { INestApplication } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { collectRouteRules } from '../../src/auth/route-rules';
import { createTestApp } from '../support/app';
import { bearer, login } from '../support/auth';

/** Awkward but valid text: pairs (emoji, flags, ZWJ), combining marks typed decomposed, č/ć/đ, RTL marks. */
const NFD = 'Dru\u0073\u030Ctvo \u010Crni\u0107 \u0111'.normalize('NFD');
const AWKWARD = `Čćđ šž ${NFD} 👩‍👩‍👧 🇸🇮 😀 \u200Fשלום\u200E مرحبا`;
const short = (max: number) => Array.from(AWKWARD).slice(0, max).join('');
/** `pairs` times a 2-byte and a 4-byte character: 16,600 of them are about 100 kB of UTF-8. */
const long = (pairs: number) => 'č😀'.repeat(pairs);

/**
 * Text at the boundary: lone surrogates and NULs are refused naming the field, everything else is
 * stored in NFC, and the audit chain still verifies after awkward text went through every audited
 * write route (the list is checked against the router, so a new write route must be added here).
 */
describe('text at the boundary', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let admin: string;
  const http = () => request(app.getHttpServer());
  const verify = async () => (await http().get('/api/audit/verify').set(...bearer(admin)).expect(200)).body;
  const count = async () => Number((await app.get(DataSource).query('SELECT COUNT(*) AS n FROM audit_entry'))[0].n);
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  beforeAll(async () => {
    ({ app, close } = await createTestApp());
    admin = await login(app, 'admin');
  });
  afterAll(() => close());

  describe('refuses text that cannot be stored as it is', () => {
    it('answers a login with a lone surrogate 400 naming the username, and the chain still verifies', async () => {
      const before = await count();
      const res = await http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"username":"\\ud800x","password":"x"}').expect(400);
      expect(fields(res.body)).toEqual(['username']);
      expect(await count()).toBe(before);
      expect(await verify()).toMatchObject({ ok: true });
    });

    it.each([
      ['a lone low surrogate in a reason', '/api/projects/AS/locks', '{"year":2031,"reason":"zaklep \\udc00"}', 'reason'],
      ['a NUL in a name', '/api/organisations', '{"name":"A\\u0000B","kind":"ngo"}', 'name'],
      ['a lone surrogate in a nested field', '/api/projects/AS/funding-periods', '{"startDate":"2023-01-01","endDate":"2023-12-31","funders":[{"funderId":1,"sharePercent":"\\ud83d"}]}', 'funders[0].sharePercent'],
      ['a lone surrogate in a key', '/api/organisations', '{"name":"A","kind":"ngo","x\\ud800":1}', 'x\uFFFD'],
    ])('refuses %s with 400 naming the field and writes nothing', async (_label, url, raw, field) => {
      const before = await count();
      const res = await http().post(url).set(...bearer(admin)).set('Content-Type', 'application/json').send(raw).expect(400);
      expect(fields(res.body)).toEqual([field]);
      expect(await count()).toBe(before);
    });

    it('refuses a NUL in a path parameter and in a query, naming it', async () => {
      const path = await http().get('/api/projects/A%00B').set(...bearer(admin)).expect(400);
      expect(fields(path.body)).toEqual(['code']);
      const query = await http().get('/api/projects/AS/indicators/summary?asOf=2020-01-01%00').set(...bearer(admin)).expect(400);
      expect(fields(query.body)).toEqual(['asOf']);
    });

    it('answers a path that is not UTF-8 (an encoded lone surrogate) with a 4xx, never a 500', async () => {
      const res = await http().get('/api/projects/%ED%A0%80').set(...bearer(admin));
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    });

    it('answers the refusal in Slovene by default and in English on request', async () => {
      const raw = '{"username":"\\ud800","password":"x"}';
      const sl = await http().post('/api/auth/login').set('Content-Type', 'application/json').send(raw).expect(400);
      expect(sl.body.errors[0].message).toMatch(/ni veljavno besedilo Unicode/);
      const en = await http().post('/api/auth/login').set('Content-Type', 'application/json').set('Accept-Language', 'en').send(raw).expect(400);
      expect(en.body.errors[0].message).toMatch(/not well-formed Unicode/);
    });
  });

  describe('awkward but valid text through every audited write route', () => {
    const covered = new Set<string>();
    const send = async (method: 'post' | 'patch' | 'put' | 'delete', route: string, url: string, body: object | undefined, status: number) => {
      covered.add(`${method.toUpperCase()} ${route}`);
      const req = http()[method](url).set(...bearer(admin));
      const res = await (body === undefined ? req : req.send(body));
      if (res.status !== status) throw new Error(`${method.toUpperCase()} ${url}: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
      return res.body;
    };

    const attempt = async (method: 'post', route: string, url: string, body: object) => {
      covered.add(`${method.toUpperCase()} ${route}`);
      const res = await http()[method](url).set(...bearer(admin)).send(body);
      if (res.status >= 500) throw new Error(`${method.toUpperCase()} ${url}: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
    };

    it('stores decomposed input composed (NFC), and answers it so', async () => {
      const org = await send('post', '/api/organisations', '/api/organisations', { name: NFD, kind: 'ngo' }, 201);
      expect(org.name).toBe(NFD.normalize('NFC'));
      expect(org.name).not.toBe(NFD);
      const read = await http().get(`/api/organisations/${org.id}`).set(...bearer(admin)).expect(200);
      expect(read.body.name).toBe('Društvo Črnić đ');
    });

    it('writes, changes and deletes with awkward text everywhere, and the audit chain verifies', async () => {
      await http().post('/api/auth/login').send({ username: short(40), password: AWKWARD }).expect(401);
      covered.add('POST /api/auth/login');

      const lead = await send('post', '/api/organisations', '/api/organisations', { name: AWKWARD, shortName: short(20), kind: 'ngo', place: short(30) }, 201);
      const other = await send('post', '/api/organisations', '/api/organisations', { name: `${AWKWARD} 2`, kind: 'other' }, 201);
      await send('patch', '/api/organisations/:id', `/api/organisations/${other.id}`, { name: `${AWKWARD} (preimenovano)` }, 200);
      const funder = await send('post', '/api/funders', '/api/funders', { code: 'AWK', name: AWKWARD, kind: 'foundation' }, 201);
      await send('patch', '/api/funders/:id', `/api/funders/${funder.id}`, { name: `${AWKWARD} ✓` }, 200);
      const call = await send('post', '/api/public-calls', '/api/public-calls', { funderId: funder.id, name: AWKWARD, reference: short(50) }, 201);
      await send('patch', '/api/public-calls/:id', `/api/public-calls/${call.id}`, { name: `${AWKWARD} ✓` }, 200);

      const project = { code: 'AWK', name: AWKWARD, description: long(10_000), leadOrganisationId: lead.id, places: [short(30)], region: short(30) };
      await send('post', '/api/projects', '/api/projects', project, 201);
      await send('patch', '/api/projects/:code', '/api/projects/AWK', { name: `${AWKWARD} ✓` }, 200);
      const partner = await send('post', '/api/projects/:code/partners', '/api/projects/AWK/partners', { organisationId: other.id, role: 'partner', note: AWKWARD }, 201);
      await send('patch', '/api/projects/:code/partners/:id', `/api/projects/AWK/partners/${partner.id}`, { note: `${AWKWARD} ✓` }, 200);
      const period = await send(
        'post',
        '/api/projects/:code/funding-periods',
        '/api/projects/AWK/funding-periods',
        { startDate: '2024-01-01', endDate: '2025-12-31', contractReference: short(100), publicCallId: call.id, funders: [{ funderId: funder.id, amountEur: '1000.50' }] },
        201,
      );
      await send('patch', '/api/projects/:code/funding-periods/:id', `/api/projects/AWK/funding-periods/${period.id}`, { contractReference: `${short(50)} ✓` }, 200);
      const objective = await send('post', '/api/projects/:code/objectives', '/api/projects/AWK/objectives', { code: 'SC1', name: AWKWARD }, 201);
      await send('patch', '/api/projects/:code/objectives/:id', `/api/projects/AWK/objectives/${objective.id}`, { name: `${AWKWARD} ✓` }, 200);
      const area = await send('post', '/api/projects/:code/result-areas', '/api/projects/AWK/result-areas', { code: 'R1', name: AWKWARD, objectiveId: objective.id }, 201);
      await send('patch', '/api/projects/:code/result-areas/:id', `/api/projects/AWK/result-areas/${area.id}`, { name: `${AWKWARD} ✓` }, 200);

      const indicator = await send(
        'post',
        '/api/projects/:code/indicators',
        '/api/projects/AWK/indicators',
        { code: 'AWK-1', name: AWKWARD, nameEn: AWKWARD, kind: 'output', unit: 'persons', unitLabel: short(40), resultAreaId: area.id },
        201,
      );
      await send('patch', '/api/indicators/:id', `/api/indicators/${indicator.id}`, { name: `${AWKWARD} ✓`, reason: AWKWARD }, 200);
      const target = await send('post', '/api/indicators/:id/targets', `/api/indicators/${indicator.id}/targets`, { value: '100', reference: short(100) }, 201);
      const changedTarget = await send('patch', '/api/targets/:id', `/api/targets/${target.id}`, { version: target.version, value: '110', reason: AWKWARD, reference: `${short(50)} ✓` }, 200);
      const value = await send(
        'post',
        '/api/indicators/:id/values',
        `/api/indicators/${indicator.id}/values`,
        { periodStart: '2024-01-01', periodEnd: '2024-12-31', value: '5', comment: AWKWARD },
        201,
      );
      const changed = await send('patch', '/api/values/:id', `/api/values/${value.id}`, { version: value.version, value: '6', reason: AWKWARD, comment: `${AWKWARD} ✓` }, 200);
      await send(
        'post',
        '/api/projects/:code/values',
        '/api/projects/AWK/values',
        { rows: [{ indicatorId: indicator.id, periodStart: '2025-01-01', periodEnd: '2025-06-30', value: '3', comment: AWKWARD }] },
        200,
      );
      covered.add('POST /api/projects/:code/values/import');
      const imported = await http()
        .post('/api/projects/AWK/values/import?dryRun=true')
        .set(...bearer(admin))
        .field('reason', AWKWARD)
        .attach('file', Buffer.from('not a workbook'), 'vrednosti.xlsx');
      expect(imported.status).toBeLessThan(500);
      await send('put', '/api/indicators/:id/explanations/:year', `/api/indicators/${indicator.id}/explanations/2024`, { text: long(5_000) }, 200);
      await send('put', '/api/projects/:code/narratives/:year', '/api/projects/AWK/narratives/2024', { text: long(16_600) }, 200);

      await send('post', '/api/indicators/:id/comments', `/api/indicators/${indicator.id}/comments`, { year: 2024, text: AWKWARD }, 201);
      await send('post', '/api/projects/:code/locks', '/api/projects/AWK/locks', { year: 2024, reason: AWKWARD }, 201);
      const exception = await send(
        'post',
        '/api/projects/:code/lock-exceptions',
        '/api/projects/AWK/lock-exceptions',
        { year: 2024, userId: 1, until: '2099-01-01T00:00:00Z', reason: AWKWARD },
        201,
      );
      await send('post', '/api/projects/:code/lock-exceptions/:id/close', `/api/projects/AWK/lock-exceptions/${exception.id}/close`, { reason: AWKWARD }, 200);
      const corrected = await send(
        'post',
        '/api/values/:id/corrections',
        `/api/values/${value.id}/corrections`,
        { version: changed.version, value: '7', reason: AWKWARD, reasonCategory: 'other' },
        201,
      );
      await send('delete', '/api/projects/:code/locks/:year', '/api/projects/AWK/locks/2024', { reason: AWKWARD }, 204);
      // The reporting cycle's steps depend on the report's state; here they only need to take the text without a 5xx.
      await attempt('post', '/api/projects/:code/reports/cycle/parts', '/api/projects/AWK/reports/cycle/parts', { year: 2025, organisationId: other.id, comment: AWKWARD });
      await attempt('post', '/api/projects/:code/reports/cycle/submit', '/api/projects/AWK/reports/cycle/submit', { year: 2025, overrideReason: AWKWARD, comment: AWKWARD });
      await attempt('post', '/api/projects/:code/reports/cycle/review', '/api/projects/AWK/reports/cycle/review', { year: 2025, action: 'return', comment: AWKWARD });

      await send('delete', '/api/values/:id', `/api/values/${value.id}`, { version: corrected.version, reason: AWKWARD }, 204);
      await send('delete', '/api/targets/:id', `/api/targets/${target.id}`, { version: changedTarget.version, reason: AWKWARD }, 204);
      const spare = await send('post', '/api/projects/:code/indicators', '/api/projects/AWK/indicators', { code: 'AWK-2', name: AWKWARD, kind: 'output', unit: 'events' }, 201);
      await send('delete', '/api/indicators/:id', `/api/indicators/${spare.id}`, undefined, 204);
      await send('delete', '/api/projects/:code/partners/:id', `/api/projects/AWK/partners/${partner.id}`, undefined, 204);
      await send('delete', '/api/projects/:code/result-areas/:id', `/api/projects/AWK/result-areas/${area.id}`, undefined, 204);
      await send('delete', '/api/projects/:code/objectives/:id', `/api/projects/AWK/objectives/${objective.id}`, undefined, 204);
      const spareProject = { code: 'AWK-PRAZEN', name: AWKWARD, leadOrganisationId: lead.id };
      await send('post', '/api/projects', '/api/projects', spareProject, 201);
      const sparePeriod = await send('post', '/api/projects/:code/funding-periods', '/api/projects/AWK-PRAZEN/funding-periods', { startDate: '2026-01-01', endDate: '2026-12-31', contractReference: short(30) }, 201);
      await send('delete', '/api/projects/:code/funding-periods/:id', `/api/projects/AWK-PRAZEN/funding-periods/${sparePeriod.id}`, undefined, 204);
      await send('delete', '/api/projects/:code', '/api/projects/AWK-PRAZEN', undefined, 204);
      const spareCall = await send('post', '/api/public-calls', '/api/public-calls', { funderId: funder.id, name: `${AWKWARD} 3` }, 201);
      await send('delete', '/api/public-calls/:id', `/api/public-calls/${spareCall.id}`, undefined, 204);
      const spareFunder = await send('post', '/api/funders', '/api/funders', { code: 'AWK-2', name: AWKWARD, kind: 'other' }, 201);
      await send('delete', '/api/funders/:id', `/api/funders/${spareFunder.id}`, undefined, 204);
      const spareOrg = await send('post', '/api/organisations', '/api/organisations', { name: `${AWKWARD} 4`, kind: 'company' }, 201);
      await send('delete', '/api/organisations/:id', `/api/organisations/${spareOrg.id}`, undefined, 204);

      const user = await send('post', '/api/users', '/api/users', { username: 'awk.user', displayName: AWKWARD, password: `geslo ${short(20)}`, role: 'auditor' }, 201);
      await send('patch', '/api/users/:id', `/api/users/${user.id}`, { displayName: `${AWKWARD} ✓`, password: `novo geslo ${short(20)}` }, 200);
      const projects = (await http().get('/api/projects').set(...bearer(admin)).expect(200)).body as { id: number; code: string }[];
      await send('put', '/api/users/:id/projects', `/api/users/${user.id}/projects`, { projectIds: [projects.find((p) => p.code === 'AWK')!.id] }, 200);
      const coordinator = await send('post', '/api/users', '/api/users', { username: 'awk.koord', displayName: AWKWARD, password: 'dolgo-geslo-2026', role: 'coordinator' }, 201);
      await send('put', '/api/users/:id/organisations', `/api/users/${coordinator.id}/organisations`, { organisationIds: [lead.id] }, 200);
      const reviewer = await send('post', '/api/users', '/api/users', { username: 'awk.skrbnik', displayName: AWKWARD, password: 'dolgo-geslo-2026', role: 'reviewer' }, 201);
      await send('put', '/api/users/:id/funders', `/api/users/${reviewer.id}/funders`, { funders: [{ funderId: funder.id, publicCallId: call.id }] }, 200);
      await send('post', '/api/calendar/feed', '/api/calendar/feed', undefined, 201);
      await send('delete', '/api/calendar/feed', '/api/calendar/feed', undefined, 204);
      await send('put', '/api/notifications/settings', '/api/notifications/settings', { email: 'ana.čćđ@novus.si'.normalize('NFD') }, 200);
      await send('put', '/api/notifications/settings', '/api/notifications/settings', { email: null }, 200);
      await send('post', '/api/notifications/read', '/api/notifications/read', { ids: [1] }, 204);
      await attempt('post', '/api/jobs', '/api/jobs', { type: 'annual-reports', input: { year: 2024, projectCodes: ['AWK'], note: AWKWARD } });
      await attempt('post', '/api/jobs/:id/cancel', `/api/jobs/${encodeURIComponent(short(10))}/cancel`, {});
      const awkwardUser = await login(app, 'awk.user', `novo geslo ${short(20)}`);
      await http().post('/api/auth/logout').set(...bearer(awkwardUser)).expect(204);
      covered.add('POST /api/auth/logout');

      const audited = JSON.stringify(await app.get(DataSource).query("SELECT * FROM audit_entry WHERE \"entityType\" = 'project' OR \"entityType\" = 'narrative'"));
      expect(audited).toContain(JSON.stringify(AWKWARD.normalize('NFC')).slice(1, -1));
      expect(await verify()).toMatchObject({ ok: true });
    });

    it('covered every write route of the app', () => {
      const rules = collectRouteRules(app.get(DiscoveryService), app.get(MetadataScanner), app.get(Reflector));
      const writes = rules.map((r) => r.route).filter((r) => /^(POST|PUT|PATCH|DELETE) /.test(r));
      // A new write route fails here until awkward text is sent through it above.
      expect(writes.filter((r) => !covered.has(r))).toEqual([]);
    });
  });
});

import { INestApplication } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import request from 'supertest';
import { Role } from '../../src/auth/actor';
import { collectRouteRules, RouteRule } from '../../src/auth/route-rules';
import { createTestApp } from '../support/app';
import { login } from '../support/auth';

/**
 * Who may call what: every route of the app, and the roles its `@Roles(...)` must declare. Spelled
 * out with literal role lists (not the EVERYONE/MANAGERS/EDITORS shorthands) so that changing a
 * shorthand shows up here too. A route added without a line here, or with other roles, fails.
 */
type Rule = 'public' | Role[];
const ALL: Role[] = ['admin', 'auditor', 'coordinator', 'project_manager', 'reviewer'];
const READERS_NO_PM: Role[] = ['admin', 'auditor', 'coordinator'];
/** Submitted reports: also the funder's reviewer. */
const SUBMISSIONS: Role[] = ['admin', 'auditor', 'coordinator', 'reviewer'];
const COMMENT: Role[] = ['admin', 'coordinator', 'project_manager', 'reviewer'];
const REVIEW: Role[] = ['admin', 'reviewer'];
const MANAGE: Role[] = ['admin', 'coordinator'];
const EDIT: Role[] = ['admin', 'coordinator', 'project_manager'];
const ADMIN: Role[] = ['admin'];

const EXPECTED: Record<string, Rule> = {
  'GET /health': 'public',
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  // The web pages and their assets; the data they show comes from the guarded API.
  'GET /': 'public',
  'GET /assets/*path': 'public',
  'GET /*path': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': ALL,
  'GET /api/auth/me': ALL,
  'GET /api/audit/verify': READERS_NO_PM,
  // Batch jobs: each job type checks its own permission when submitted; a job is its submitter's.
  'POST /api/jobs': ALL,
  'GET /api/jobs/:id': ALL,
  'POST /api/jobs/:id/cancel': ALL,
  'GET /api/jobs/:id/result': ALL,

  'GET /api/users': ADMIN,
  'POST /api/users': ADMIN,
  'PATCH /api/users/:id': ADMIN,
  'PUT /api/users/:id/projects': ADMIN,
  'PUT /api/users/:id/organisations': ADMIN,
  'PUT /api/users/:id/funders': ADMIN,

  'GET /api/organisations': ALL,
  'GET /api/organisations/:id': ALL,
  'POST /api/organisations': MANAGE,
  'PATCH /api/organisations/:id': ADMIN,
  'DELETE /api/organisations/:id': ADMIN,
  'GET /api/funders': ALL,
  'GET /api/funders/:id': ALL,
  'POST /api/funders': MANAGE,
  'PATCH /api/funders/:id': ADMIN,
  'DELETE /api/funders/:id': ADMIN,
  'GET /api/public-calls': ALL,
  'GET /api/public-calls/:id': ALL,
  'POST /api/public-calls': MANAGE,
  'PATCH /api/public-calls/:id': ADMIN,
  'DELETE /api/public-calls/:id': ADMIN,

  'GET /api/projects': ALL,
  'GET /api/projects/:code': ALL,
  'POST /api/projects': MANAGE,
  'PATCH /api/projects/:code': MANAGE,
  'DELETE /api/projects/:code': MANAGE,
  'POST /api/projects/:code/partners': MANAGE,
  'PATCH /api/projects/:code/partners/:id': MANAGE,
  'POST /api/projects/:code/funding-periods': MANAGE,
  'PATCH /api/projects/:code/funding-periods/:id': MANAGE,
  'POST /api/projects/:code/objectives': MANAGE,
  'PATCH /api/projects/:code/objectives/:id': MANAGE,
  'POST /api/projects/:code/result-areas': MANAGE,
  'PATCH /api/projects/:code/result-areas/:id': MANAGE,
  'DELETE /api/projects/:code/partners/:id': MANAGE,
  'DELETE /api/projects/:code/funding-periods/:id': MANAGE,
  'DELETE /api/projects/:code/objectives/:id': MANAGE,
  'DELETE /api/projects/:code/result-areas/:id': MANAGE,
  'GET /api/projects/:code/locks': ALL,
  'POST /api/projects/:code/locks': MANAGE,
  'DELETE /api/projects/:code/locks/:year': ADMIN,

  'GET /api/projects/:code/indicators': ALL,
  'POST /api/projects/:code/indicators': MANAGE,
  'GET /api/projects/:code/indicators/summary': ALL,
  'GET /api/indicators/summary': ALL,
  'GET /api/indicators/:id': ALL,
  'PATCH /api/indicators/:id': MANAGE,
  'DELETE /api/indicators/:id': MANAGE,
  'POST /api/projects/:code/values': EDIT,
  'GET /api/projects/:code/values/template': EDIT,
  'POST /api/projects/:code/values/import': EDIT,
  'GET /api/indicators/:id/values': ALL,
  'POST /api/indicators/:id/values': EDIT,
  'GET /api/values/:id': ALL,
  'PATCH /api/values/:id': EDIT,
  'POST /api/values/:id/corrections': MANAGE,
  'DELETE /api/values/:id': EDIT,
  'GET /api/indicators/:id/targets': ALL,
  'POST /api/indicators/:id/targets': MANAGE,
  'PATCH /api/targets/:id': MANAGE,
  'DELETE /api/targets/:id': MANAGE,
  'GET /api/indicators/:id/explanations': ALL,
  'PUT /api/indicators/:id/explanations/:year': EDIT,
  'GET /api/indicators/:id/history': ALL,
  'GET /api/indicators/:id/history/export': ALL,
  'GET /api/projects/:code/history/export': ALL,
  'GET /api/history/export': ALL,

  'GET /api/reports/templates': ALL,
  'GET /api/projects/:code/reports/annual': ALL,
  'GET /api/projects/:code/narratives': ALL,
  'PUT /api/projects/:code/narratives/:year': EDIT,
  'GET /api/projects/:code/reports/submissions': SUBMISSIONS,
  'GET /api/reports/submissions/:id/files/:format': SUBMISSIONS,
  'GET /api/reports/submissions/:id/diff': SUBMISSIONS,
  'GET /api/reports/portfolio': READERS_NO_PM,

  'GET /api/deadlines': ALL,
  'GET /api/calendar/feed': ALL,
  'POST /api/calendar/feed': ALL,
  'DELETE /api/calendar/feed': ALL,
  // The secret token in the URL is the credential: calendar clients send no login.
  'GET /api/calendar/:token.ics': 'public',
  'GET /api/notifications': ALL,
  'POST /api/notifications/read': ALL,
  'GET /api/notifications/settings': ALL,
  'PUT /api/notifications/settings': ALL,

  'GET /api/projects/:code/reports/cycle': ALL,
  'GET /api/projects/:code/reports/checklist': ALL,
  'POST /api/projects/:code/reports/cycle/parts': MANAGE,
  'POST /api/projects/:code/reports/cycle/submit': MANAGE,
  'POST /api/projects/:code/reports/cycle/review': REVIEW,
  'GET /api/reports/review-queue': SUBMISSIONS,
  'GET /api/indicators/:id/comments': ALL,
  'POST /api/indicators/:id/comments': COMMENT,
  'GET /api/projects/:code/lock-exceptions': ALL,
  'POST /api/projects/:code/lock-exceptions': MANAGE,
  'POST /api/projects/:code/lock-exceptions/:id/close': MANAGE,
};

/** Express routes that are not Nest controllers: the Swagger UI and its JSON/YAML documents. */
const OUTSIDE_NEST = /^\/api\/docs/;

/** Values for path parameters, chosen so that an allowed call reaches the handler and changes nothing. */
const PARAMS: Record<string, string> = { code: 'NO-SUCH-PROJECT', id: '999999', year: '2020', kind: 'objectives', format: 'xlsx' };

function asRule(r: RouteRule): Rule | 'none' | 'both' {
  if (r.isPublic && r.roles) return 'both';
  if (r.isPublic) return 'public';
  return r.roles ?? 'none';
}

function concretePath(route: string): { method: string; path: string } {
  const [method, pattern] = route.split(' ');
  return { method: method.toLowerCase(), path: pattern.replace(/:(\w+)/g, (_m, name: string) => PARAMS[name] ?? '1') };
}

describe('route × role matrix', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let rules: RouteRule[];

  beforeAll(async () => {
    ({ app, close } = await createTestApp());
    rules = collectRouteRules(app.get(DiscoveryService), app.get(MetadataScanner), app.get(Reflector));
  });
  afterAll(() => close());

  it('finds the routes of every controller', () => {
    expect(rules.length).toBeGreaterThan(50);
    expect(rules.map((r) => r.route)).toEqual(expect.arrayContaining(['GET /health', 'POST /api/auth/login', 'GET /api/projects']));
  });

  it('every route declares exactly one of @Public() and @Roles(...)', () => {
    const offenders = rules.filter((r) => ['none', 'both'].includes(asRule(r) as string)).map((r) => `${r.route} (${r.handler}): ${asRule(r)}`);
    expect(offenders).toEqual([]);
  });

  it('the declared rules are exactly the expected matrix (add new routes to EXPECTED)', () => {
    const declared = Object.fromEntries(rules.map((r) => [r.route, asRule(r)]));
    const expected = Object.fromEntries(Object.entries(EXPECTED).map(([route, rule]) => [route, rule === 'public' ? rule : [...rule].sort()]));
    expect(declared).toEqual(expected);
  });

  it('no route reaches Express outside Nest controllers (and so outside the guard), except the API docs', () => {
    const stack = (app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router.stack;
    const known = new Set(rules.map((r) => r.route));
    const unguarded = stack
      .filter((layer) => layer.route && !OUTSIDE_NEST.test(layer.route.path))
      .flatMap((layer) => Object.keys(layer.route!.methods).map((m) => `${m.toUpperCase()} ${layer.route!.path}`))
      .filter((route) => !known.has(route));
    expect(unguarded).toEqual([]);
  });

  it('anonymous callers get 401 on every non-public route and through to the public ones', async () => {
    const wrong: string[] = [];
    for (const rule of rules) {
      if (rule.route === 'POST /api/auth/login') continue; // failed logins count against the throttle
      const { method, path } = concretePath(rule.route);
      const res = await (request(app.getHttpServer()) as unknown as Record<string, (p: string) => request.Test>)[method](path).send({});
      const ok = rule.isPublic && !rule.roles ? ![401, 403].includes(res.status) : rule.roles ? res.status === 401 : res.status === 403;
      if (!ok) wrong.push(`${rule.route}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['admin', 'admin'],
    ['koordinator', 'coordinator'],
    ['vodja', 'project_manager'],
    ['revizor', 'auditor'],
    ['skrbnik', 'reviewer'],
  ] as const)('%s (%s) is let through exactly where the route declares the role, and refused with 403 elsewhere', async (username, role) => {
    const token = await login(app, username);
    const wrong: string[] = [];
    // Logout ends the token, so it goes last.
    const logoutLast = [...rules].sort((a, b) => Number(a.route === 'POST /api/auth/logout') - Number(b.route === 'POST /api/auth/logout'));
    for (const rule of logoutLast) {
      if (rule.isPublic && !rule.roles) continue;
      const { method, path } = concretePath(rule.route);
      const res = await (request(app.getHttpServer()) as unknown as Record<string, (p: string) => request.Test>)
        [method](path)
        .set('Authorization', `Bearer ${token}`)
        .send({});
      const allowed = rule.roles?.includes(role) === true && !rule.isPublic;
      const ok = allowed ? ![401, 403].includes(res.status) && res.status < 500 : res.status === 403;
      if (!ok) wrong.push(`${rule.route}: ${res.status} ${allowed ? '(allowed)' : `(should be 403${res.status === 401 ? '' : '; another handler answered: an earlier route with parameters shadows this one'})`}`);
    }
    expect(wrong).toEqual([]);
  });
});

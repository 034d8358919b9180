import { INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import fc from 'fast-check';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/actor';
import { collectRouteRules } from '../../src/auth/route-rules';
import { login } from '../support/auth';
import { FuzzRequest, requestFor } from './request-arbitraries';

/** A write route of the app, as the router has it, with its body DTO and the roles it admits. */
export interface WriteRoute {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  pattern: string;
  roles: Role[] | 'public';
  dto: Function | undefined;
}

const WRITE = /^(POST|PUT|PATCH|DELETE) /;
const NATIVE = [String, Number, Boolean, Object, Array];

/** Every POST/PUT/PATCH/DELETE route, read from the router's metadata: a new route is fuzzed without anyone adding it. */
export function writeRoutes(app: INestApplication): WriteRoute[] {
  const rules = collectRouteRules(app.get(DiscoveryService), app.get(MetadataScanner), app.get(Reflector));
  const dtos = bodyDtos(app);
  return rules
    .filter((r) => WRITE.test(r.route))
    .map((r) => {
      const [method, pattern] = r.route.split(' ') as [WriteRoute['method'], string];
      return { method, pattern, roles: r.isPublic ? 'public' : (r.roles ?? []), dto: dtos.get(r.handler) };
    });
}

/** `Controller.method` → the class of its `@Body()` parameter. */
function bodyDtos(app: INestApplication): Map<string, Function> {
  const result = new Map<string, Function>();
  for (const wrapper of app.get(DiscoveryService).getControllers()) {
    const controller = wrapper.metatype as Function | null;
    if (!controller || !wrapper.instance) continue;
    const prototype = Object.getPrototypeOf(wrapper.instance) as object;
    for (const name of app.get(MetadataScanner).getAllMethodNames(prototype)) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { index: number }>;
      const body = Object.entries(args).find(([key]) => key.split(':')[0] === String(RouteParamtypes.BODY));
      if (!body) continue;
      const types = (Reflect.getMetadata('design:paramtypes', prototype, name) ?? []) as Function[];
      const type = types[body[1].index];
      if (type && !NATIVE.includes(type as never)) result.set(`${controller.name}.${name}`, type);
    }
  }
  return result;
}

/** The demo user who acts in each role. */
export const ACTORS: Record<Role, string> = {
  admin: 'admin',
  coordinator: 'koordinator',
  project_manager: 'vodja',
  auditor: 'revizor',
  reviewer: 'skrbnik',
} as Record<Role, string>;

export interface FuzzFinding {
  request: string;
  status: number;
  problem: string;
  body: string;
}

export interface FuzzFigures {
  requests: number;
  byStatus: Record<string, number>;
  serverErrors: number;
  findings: FuzzFinding[];
  ms: number;
}

/** No stack frames, source paths, SQL or driver errors in an answer. */
const LEAK = /\bat [\w.<>]+ \(|\.ts:\d+|node_modules|SQLITE_|QueryFailedError|\bSELECT\b.*\bFROM\b|\bINSERT INTO\b|\bUPDATE\b.*\bSET\b|syntax error at|RangeError|TypeError|ReferenceError/;

/**
 * Runs `count` generated requests, one after another, and checks each answer: never 5xx, no leak,
 * every 4xx names a field or the body (400/413/415/422) or carries a message, and a refused
 * request leaves every table's row count as it was.
 */
export class Fuzzer {
  private readonly tokens = new Map<string, string>();
  private tables: string[] = [];

  constructor(
    private readonly app: INestApplication,
    private readonly ids: (route: WriteRoute, param: string) => readonly string[],
  ) {}

  async start(): Promise<void> {
    for (const username of new Set(Object.values(ACTORS))) this.tokens.set(username, await login(this.app, username));
    this.tables = this.app.get(DataSource).entityMetadatas.map((m) => m.tableName).sort();
  }

  async run(routes: WriteRoute[], count: number, seed: number): Promise<FuzzFigures> {
    const figures: FuzzFigures = { requests: 0, byStatus: {}, serverErrors: 0, findings: [], ms: 0 };
    const started = Date.now();
    const arbitraries = routes.map((route) =>
      fc.tuple(fc.constant(route), requestFor(route.pattern, route.dto, (param) => this.ids(route, param)), this.actorFor(route)),
    );
    const samples = fc.sample(fc.oneof(...arbitraries), { numRuns: count, seed });
    for (const [route, req, actor] of samples) {
      const status = await this.send(route, req, actor, figures);
      figures.requests += 1;
      figures.byStatus[status] = (figures.byStatus[status] ?? 0) + 1;
      if (status >= 500) figures.serverErrors += 1;
    }
    figures.ms = Date.now() - started;
    return figures;
  }

  /** The admin, a role the route admits, now and then a role it does not, or nobody. */
  private actorFor(route: WriteRoute): fc.Arbitrary<string | null> {
    if (route.roles === 'public') return fc.constant(null);
    const allowed = route.roles.map((r) => ACTORS[r]).filter(Boolean);
    return fc.oneof({ weight: 4, arbitrary: fc.constantFrom('admin', ...allowed) }, { weight: 1, arbitrary: fc.constantFrom(null, ...Object.values(ACTORS)) });
  }

  /** Row counts after the last request: each request is compared with the one before it. */
  private last: number[] = [];

  private async send(route: WriteRoute, req: FuzzRequest, actor: string | null, figures: FuzzFigures): Promise<number> {
    const before = this.last.length ? this.last : await this.counts();
    const server = this.app.getHttpServer();
    let test = (request(server) as unknown as Record<string, (p: string) => request.Test>)[route.method.toLowerCase()](req.path);
    if (actor) test = test.set('Authorization', `Bearer ${this.tokens.get(actor)}`);
    if (route.pattern === '/api/auth/login') test = test.set('X-Forwarded-For', `10.${figures.requests % 250}.0.1`);
    if (req.body && 'json' in req.body) test = test.set('Content-Type', 'application/json').send(JSON.stringify(req.body.json));
    else if (req.body && 'raw' in req.body) test = (req.body.type ? test.set('Content-Type', req.body.type) : test).send(req.body.raw);
    const res = await test;
    const text = res.text ?? '';
    const label = `${route.method} ${req.path} as ${actor ?? 'anonymous'} ${req.body ? JSON.stringify(req.body).slice(0, 300) : ''}`;
    const find = (problem: string) => figures.findings.push({ request: label, status: res.status, problem, body: text.slice(0, 400) });
    if (res.status >= 500) find('5xx');
    if (LEAK.test(text)) find('stack trace, source path or SQL in the answer');
    if (res.status >= 400 && res.status < 500) {
      const body = res.body as { message?: unknown; errors?: { field?: unknown }[] };
      const named = Array.isArray(body?.errors) && body.errors.length > 0 && body.errors.every((e) => typeof e.field === 'string' && e.field.length > 0);
      if ([400, 413, 415, 422].includes(res.status) && !named) find('4xx without a field or the body named');
      if (typeof body?.message !== 'string' || body.message.length === 0) find('4xx without a message');
      const after = (this.last = await this.counts());
      const changed = this.tables.filter((table, i) => after[i] !== before[i] && !(table === 'audit_entry' && route.pattern === '/api/auth/login' && res.status === 401 && after[i] === before[i] + 1));
      if (changed.length) find(`refused, but changed the row count of ${changed.join(', ')}`);
    }
    if (res.status < 400) this.last = await this.counts();
    if (route.pattern === '/api/auth/logout' && res.status === 204 && actor) {
      this.tokens.set(actor, await login(this.app, actor));
      this.last = await this.counts();
    }
    if (res.status === 401 && actor && route.pattern !== '/api/auth/logout') {
      const probe = await request(server).get('/api/auth/me').set('Authorization', `Bearer ${this.tokens.get(actor)}`);
      if (probe.status === 401) find(`the token of ${actor} stopped working`);
    }
    return res.status;
  }

  private async counts(): Promise<number[]> {
    const ds = this.app.get(DataSource);
    const sql = `SELECT ${this.tables.map((t, i) => `(SELECT COUNT(*) FROM "${t}") AS c${i}`).join(', ')}`;
    const [row] = (await ds.query(sql)) as Record<string, string | number>[];
    return this.tables.map((_t, i) => Number(row[`c${i}`]));
  }
}

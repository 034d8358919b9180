import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TOKEN_COOKIE } from '../../src/auth/auth-cookie';
import { resolveTokenSecret } from '../../src/auth/token-secret';
import { ConfigError, loadConfig } from '../../src/config/app-config';
import { DEMO_PROJECTS } from '../../src/demo/demo-loader';
import { NOVUS } from '../../src/demo/demo-organisations';
import { createTestApp } from '../support/app';
import { bearer, login } from '../support/auth';

const codes = (body: { code: string }[]) => body.map((p) => p.code).sort();

interface AuditRow {
  action: string;
  actorUserId: number | null;
  actorUsername: string;
  actorRole: string;
  entityType: string;
  before: string | null;
  after: string | null;
}

describe('authentication and project access', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  const http = () => request(app.getHttpServer());
  const auditRows = (where: string, params: unknown[]) =>
    app.get(DataSource).query(`SELECT * FROM audit_entry WHERE ${where} ORDER BY id`, params) as Promise<AuditRow[]>;
  const ph = (n: number) => (app.get(DataSource).options.type === 'postgres' ? `$${n}` : '?');

  beforeAll(async () => {
    ({ app, close } = await createTestApp());
  });
  afterAll(() => close());

  describe('the guard', () => {
    it('answers 401 to an anonymous request', async () => {
      const res = await http().get('/api/projects').expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, message: 'Authentication required' });
    });

    it.each([
      ['a malformed token', 'not-a-token'],
      ['a token signed with another secret', new JwtService({ secret: 'another-secret-another-secret-another-secret' }).sign({ sub: '1', pwd: 'x' })],
      ['an unsigned token (alg none)', `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"1","pwd":"x"}').toString('base64url')}.`],
    ])('answers 401 to %s', async (_label, token) => {
      await http().get('/api/projects').set(...bearer(token)).expect(401);
    });

    it('accepts the token from the cookie, for the web pages', async () => {
      const token = await login(app, 'vodja');
      const res = await http().get('/api/auth/me').set('Cookie', `${TOKEN_COOKIE}=${token}`).expect(200);
      expect(res.body).toMatchObject({ username: 'vodja', role: 'project_manager' });
    });

    it('answers 403 to an auditor creating something', async () => {
      const token = await login(app, 'revizor');
      await http().post('/api/organisations').set(...bearer(token)).send({ name: 'Novo društvo', kind: 'ngo' }).expect(403);
    });
  });

  describe('login', () => {
    it('answers a bearer token with the user, and sets an HttpOnly, SameSite=Strict cookie', async () => {
      const res = await http().post('/api/auth/login').send({ username: 'vodja', password: 'kazalnik-demo' }).expect(200);
      expect(res.body).toEqual({
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        tokenType: 'Bearer',
        expiresIn: 3600,
        user: { username: 'vodja', displayName: expect.any(String), role: 'project_manager' },
      });
      const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${TOKEN_COOKIE}=`));
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Strict');
      expect(cookie).toContain('Path=/');
      expect(cookie).not.toContain('Secure'); // only with NODE_ENV=production
    });

    it('answers 401 with the same message for a wrong password and for an unknown user', async () => {
      const wrong = await http().post('/api/auth/login').send({ username: 'vodja', password: 'napačno-geslo' }).expect(401);
      const unknown = await http().post('/api/auth/login').send({ username: 'nihče', password: 'napačno-geslo' }).expect(401);
      expect(wrong.body.message).toBe('Invalid username or password');
      expect(unknown.body).toEqual(wrong.body);
    });

    it('records the login in the audit trail', async () => {
      await login(app, 'koordinator');
      const rows = await auditRows(`action = 'login' AND "actorUsername" = ${ph(1)}`, ['koordinator']);
      expect(rows.at(-1)).toMatchObject({ entityType: 'user', actorRole: 'coordinator', actorUserId: expect.any(Number) });
    });

    it('records a failed login with the attempted username and never the password', async () => {
      await http().post('/api/auth/login').send({ username: 'Revizor', password: 'skrivnost-ki-je-ni-v-sledi' }).expect(401);
      const rows = await auditRows(`action = 'login_failed' AND "actorUsername" = ${ph(1)}`, ['revizor']);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actorUserId: null, actorRole: 'anonymous' });
      expect(JSON.parse(rows[0].after!)).toMatchObject({ username: 'revizor', reason: 'wrong password' });
      const everything = JSON.stringify(await auditRows('1 = 1', []));
      expect(everything).not.toContain('skrivnost-ki-je-ni-v-sledi');
      expect(everything).not.toContain('kazalnik-demo');
    });

    it('logout clears the cookie and is recorded', async () => {
      const token = await login(app, 'revizor');
      const res = await http().post('/api/auth/logout').set('Cookie', `${TOKEN_COOKIE}=${token}`).expect(204);
      const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${TOKEN_COOKIE}=`));
      expect(cookie).toMatch(/Expires=Thu, 01 Jan 1970/);
      expect(await auditRows(`action = 'logout' AND "actorUsername" = ${ph(1)}`, ['revizor'])).toHaveLength(1);
    });

    it('logout ends the token: the same bearer token answers 401 afterwards, a new login works', async () => {
      const token = await login(app, 'vodja');
      await http().get('/api/auth/me').set(...bearer(token)).expect(200);
      await http().post('/api/auth/logout').set(...bearer(token)).expect(204);
      await http().get('/api/auth/me').set(...bearer(token)).expect(401);
      await http().post('/api/auth/logout').set(...bearer(token)).expect(401);
      await http().get('/api/auth/me').set(...bearer(await login(app, 'vodja'))).expect(200);
    });

    it('a logout ends only its own token, not the user’s other sessions', async () => {
      const [first, second] = [await login(app, 'koordinator'), await login(app, 'koordinator')];
      await http().post('/api/auth/logout').set(...bearer(first)).expect(204);
      await http().get('/api/auth/me').set(...bearer(second)).expect(200);
    });

    it('issues tokens with an expiry and a token id', async () => {
      const claims = new JwtService().decode(await login(app, 'vodja')) as Record<string, unknown>;
      expect(claims).toEqual(expect.objectContaining({ sub: expect.any(String), jti: expect.any(String), exp: expect.any(Number), ver: expect.any(Number) }));
      expect(JSON.stringify(claims)).not.toMatch(/pwd|scrypt/);
    });

    const signed = (claims: object, options: object) => new JwtService({ secret: 'test-secret-test-secret-test-secret-0123' }).sign(claims, options);

    it('accepts a correctly signed token with all its claims (the control for the next ones)', async () => {
      await http().get('/api/auth/me').set(...bearer(signed({ sub: '1', ver: 0, jti: 'a-token-id' }, { expiresIn: 600 }))).expect(200);
    });

    it.each([
      ['without exp', { sub: '1', ver: 0, jti: 'a-token-id' }, {}],
      ['without jti', { sub: '1', ver: 0 }, { expiresIn: 600 }],
      ['without ver', { sub: '1', jti: 'a-token-id' }, { expiresIn: 600 }],
    ])('refuses a correctly signed token %s with 401', async (_label, claims, options) => {
      await http().get('/api/auth/me').set(...bearer(signed(claims, options))).expect(401);
    });

    it('never answers a password hash', async () => {
      const token = await login(app, 'admin');
      const bodies = await Promise.all(['/api/auth/me', '/api/users'].map((url) => http().get(url).set(...bearer(token))));
      const loginBody = (await http().post('/api/auth/login').send({ username: 'admin', password: 'kazalnik-demo' })).text;
      for (const text of [...bodies.map((b) => b.text), loginBody]) {
        expect(text).not.toMatch(/scrypt|passwordHash/);
      }
    });
  });

  describe('project scoping', () => {
    it('shows a project manager only the assigned projects', async () => {
      const res = await http().get('/api/projects').set(...bearer(await login(app, 'vodja'))).expect(200);
      expect(codes(res.body)).toEqual(['AS', 'KCM', 'SPIN']);
    });

    it('lets the project manager read an assigned project', async () => {
      await http().get('/api/projects/AS').set(...bearer(await login(app, 'vodja'))).expect(200);
    });

    it('answers 404 for a project that is not assigned, as if it did not exist', async () => {
      const res = await http().get('/api/projects/NOVUS-HUB').set(...bearer(await login(app, 'vodja'))).expect(404);
      expect(JSON.stringify(res.body)).not.toMatch(/NOVUS|HUB/);
    });

    it('shows a coordinator the projects their organisation leads or is a partner in, not those where it is a stakeholder', async () => {
      const expected = DEMO_PROJECTS.filter(
        (p) => p.lead === NOVUS || p.partners.some((x) => x.organisation === NOVUS && x.role !== 'stakeholder'),
      ).map((p) => p.code);
      const res = await http().get('/api/projects').set(...bearer(await login(app, 'koordinator'))).expect(200);
      expect(codes(res.body)).toEqual(expected.sort());
      expect(expected).toEqual(expect.arrayContaining(['AS', 'KCM', 'SPIN', 'NOVUS-HUB']));
    });

    it('shows an auditor without assignments every project, read-only', async () => {
      const token = await login(app, 'revizor');
      const res = await http().get('/api/projects').set(...bearer(token)).expect(200);
      expect(res.body).toHaveLength(DEMO_PROJECTS.length);
      await http().patch('/api/projects/AS').set(...bearer(token)).send({ name: 'Drugo ime' }).expect(403);
    });
  });

  describe('configuration', () => {
    it('refuses to start in production without TOKEN_SECRET', () => {
      expect(() => resolveTokenSecret(loadConfig({ NODE_ENV: 'production' }))).toThrow(ConfigError);
      expect(() => resolveTokenSecret(loadConfig({ NODE_ENV: 'production' }))).toThrow(/TOKEN_SECRET/);
    });
  });

  describe('hardening', () => {
    it('sends a Content-Security-Policy that allows only the app’s own scripts and styles', async () => {
      const res = await http().get('/health').expect(200);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("style-src 'self'");
    });

    it('keeps API answers out of caches', async () => {
      const res = await http().get('/api/projects').set(...bearer(await login(app, 'admin'))).expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('refuses a JSON body over 1 MB with 413', async () => {
      const res = await http().post('/api/auth/login').set('Content-Type', 'application/json').send(`{"username":"${'a'.repeat(1_100_000)}"}`);
      expect(res.status).toBe(413);
    });

    it('answers malformed JSON with 400, not 500', async () => {
      await http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"username": ').expect(400);
    });
  });
});

describe('login throttle', () => {
  let app: INestApplication;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, close } = await createTestApp());
  });
  afterAll(() => close());

  it('answers the 11th failed login within a minute with 429 and Retry-After, even with the right password', async () => {
    for (let i = 1; i <= 10; i++) {
      await request(app.getHttpServer()).post('/api/auth/login').send({ username: 'admin', password: `ugibanje-${i}` }).expect(401);
    }
    const res = await request(app.getHttpServer()).post('/api/auth/login').send({ username: 'admin', password: 'kazalnik-demo' }).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
  });
});

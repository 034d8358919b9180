import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { createTestApp } from '../support/app';
import { bearer, login } from '../support/auth';

/** How a body is read: its depth, type, emptiness and explicit nulls are the client's to get right. */
describe('body parsing', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let admin: string;
  const http = () => request(app.getHttpServer());
  const ds = () => app.get(DataSource);
  const count = async (table: string) => Number((await ds().query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  beforeAll(async () => {
    ({ app, close } = await createTestApp());
    admin = await login(app, 'admin');
  });
  afterAll(() => close());

  const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

  it.each([
    ['anonymous login', 'post', '/api/auth/login'],
    ['a project change', 'patch', '/api/projects/AS'],
  ] as const)('refuses JSON nested 3,000 deep with 400 naming the body, on %s', async (_label, method, url) => {
    const res = await http()[method](url).set(...bearer(admin)).set('Content-Type', 'application/json').send(nested(3000)).expect(400);
    expect(fields(res.body)).toEqual(['body']);
    expect(JSON.stringify(res.body)).not.toMatch(/RangeError|at \w+ \(/);
  });

  it('accepts 32 levels and refuses 33 (brackets inside strings do not count)', async () => {
    const deep = (depth: number) => JSON.stringify({ username: 'x', password: 'x', extra: JSON.parse(nested(depth - 1)), s: '[[[[{{{{' });
    await http().post('/api/auth/login').set('Content-Type', 'application/json').send(deep(33)).expect(400);
    const ok = await http().post('/api/auth/login').set('Content-Type', 'application/json').send(deep(32));
    expect(ok.status).toBe(400);
    expect(fields(ok.body)).toEqual(expect.arrayContaining(['extra']));
  });

  it('answers a body over 1 MB with 413 naming the body', async () => {
    const res = await http().post('/api/auth/login').set('Content-Type', 'application/json').send(`{"username":"${'a'.repeat(1_100_000)}"}`).expect(413);
    expect(fields(res.body)).toEqual(['body']);
  });

  it.each([
    ['text/plain', 'text/plain', 'name=Drugo'],
    ['XML', 'application/xml', '<project><name>Drugo</name></project>'],
    ['a form', 'application/x-www-form-urlencoded', 'name=Drugo'],
  ])('refuses a PATCH sent as %s with 415 and changes nothing', async (_label, type, body) => {
    const before = await count('audit_entry');
    const res = await http().patch('/api/projects/AS').set(...bearer(admin)).set('Content-Type', type).send(body).expect(415);
    expect(fields(res.body)).toEqual(['body']);
    expect(await count('audit_entry')).toBe(before);
  });

  it('asks who the caller is before what the body is: an anonymous PATCH as text/plain is 401, not 415', async () => {
    await http().patch('/api/projects/AS').set('Content-Type', 'text/plain').send('name=Drugo').expect(401);
  });

  it('refuses a POST with a DTO and no body or content type at all with 415', async () => {
    await http().post('/api/organisations').set(...bearer(admin)).expect(415);
  });

  it('still takes a POST without a body where the route reads none (logout)', async () => {
    await http().post('/api/auth/logout').set(...bearer(await login(app, 'revizor'))).expect(204);
  });

  it('refuses an empty PATCH with 400 naming the body', async () => {
    const res = await http().patch('/api/projects/AS').set(...bearer(admin)).send({}).expect(400);
    expect(fields(res.body)).toEqual(['body']);
  });

  it.each([
    ['PATCH', '/api/projects/AS', { name: null }, 'name'],
    ['PATCH', '/api/users/2', { active: null }, 'active'],
    ['POST', '/api/organisations', { name: 'Novo društvo', kind: null }, 'kind'],
  ])('refuses an explicit null for a field that is not nullable: %s %s', async (method, url, body, field) => {
    const before = await count('audit_entry');
    const res = await http()[method.toLowerCase() as 'patch'](url).set(...bearer(admin)).send(body).expect(400);
    expect(fields(res.body)).toContain(field);
    expect(await count('audit_entry')).toBe(before);
  });

  it('names a null nested in an array by its path', async () => {
    const res = await http()
      .post('/api/projects/AS/funding-periods')
      .set(...bearer(admin))
      .send({ startDate: '2023-01-01', endDate: '2023-12-31', funders: [{ funderId: 1, amountEur: null }] })
      .expect(400);
    expect(fields(res.body)).toContain('funders[0].amountEur');
  });

  it('clears a nullable field given null', async () => {
    await http().patch('/api/projects/AS').set(...bearer(admin)).send({ region: 'Savinjska' }).expect(200);
    const res = await http().patch('/api/projects/AS').set(...bearer(admin)).send({ region: null }).expect(200);
    expect(res.body.region).toBeNull();
  });

  it('answers field messages in Slovene by default and in English on request', async () => {
    const sl = await http().patch('/api/projects/AS').set(...bearer(admin)).send({ name: null }).expect(400);
    expect(sl.body.errors[0].message).toMatch(/ne sme biti null/);
    const en = await http().patch('/api/projects/AS').set(...bearer(admin)).set('Accept-Language', 'en').send({ name: null }).expect(400);
    expect(en.body.errors[0].message).toMatch(/must not be null/);
  });

  describe('numbers and ids', () => {
    it.each(['%20%201', '0x10', '1e0', '+1', '01.0'])('refuses the path id %p with 400 and deletes nothing', async (id) => {
      const before = await count('project_partner');
      const res = await http().delete(`/api/projects/AS/partners/${id}`).set(...bearer(admin)).expect(400);
      expect(fields(res.body)).toEqual(['id']);
      expect(await count('project_partner')).toBe(before);
    });

    it.each([1e20, 1_000_001, -1, 1.5])('refuses sortOrder %p with 400 naming it', async (sortOrder) => {
      const res = await http().post('/api/projects/AS/objectives').set(...bearer(admin)).send({ code: 'SC-X', name: 'Cilj', sortOrder }).expect(400);
      expect(fields(res.body)).toContain('sortOrder');
    });

    it('refuses a version beyond the id range with 400, not a database error', async () => {
      const res = await http().patch('/api/values/1').set(...bearer(admin)).send({ version: 1e20, value: '1', reason: 'Popravek' }).expect(400);
      expect(fields(res.body)).toContain('version');
    });

    it('documents decimals as a string or a number in the API description', () => {
      const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
      const schema = (document.components?.schemas?.CreateTargetDto as { properties: Record<string, { oneOf?: { type: string }[] }> }).properties.value;
      expect(schema.oneOf?.map((s) => s.type)).toEqual(['string', 'number']);
    });
  });
});

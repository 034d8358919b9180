import * as ical from 'node-ical';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/app';
import { clientFor, Client } from '../support/http';

describe('reporting calendar and iCalendar feed', () => {
  let t: TestApp;
  let vodja: Client;
  let koordinator: Client;

  beforeAll(async () => {
    t = await createTestApp();
    [vodja, koordinator] = await Promise.all(['vodja', 'koordinator'].map((u) => clientFor(t.app, u)));
  });
  afterAll(() => t.close());

  it('lists the deadlines of the actor’s projects with days left, overdue ones marked', async () => {
    const res = await vodja.get('/api/deadlines?project=AS').expect(200);
    const ess2021 = res.body.deadlines.find((d: { kind: string; year: number }) => d.kind === 'annual_report' && d.year === 2021);
    expect(ess2021).toMatchObject({ projectCode: 'AS', dueDate: '2022-01-15', title: 'Letno poročilo ESS (e-MA)', status: 'overdue', done: false });
    expect(ess2021.daysLeft).toBeLessThan(0);
    const final = res.body.deadlines.find((d: { kind: string }) => d.kind === 'final_report');
    expect(final).toMatchObject({ year: 2022, dueDate: '2022-10-30' });
    expect(res.body.attentionYear).toBe(2022);
  });

  it('serves a secret feed that parses as iCalendar and holds the AS and KCM deadlines', async () => {
    const created = await vodja.post('/api/calendar/feed').expect(201);
    expect(created.body.path).toMatch(/^\/api\/calendar\/[\w-]{43}\.ics$/);
    const res = await request(t.app.getHttpServer()).get(created.body.path).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const events = Object.values(ical.sync.parseICS(res.text)).filter((e): e is ical.VEvent => e?.type === 'VEVENT');
    const summaries = events.map((e) => String(e.summary));
    expect(summaries).toContain('AS: Letno poročilo ESS (e-MA) 2021');
    expect(summaries).toContain('KCM: Letno poročilo ESS (e-MA) 2021');
    const as2021 = events.find((e) => e.summary === 'AS: Letno poročilo ESS (e-MA) 2021')!;
    expect(as2021.start.toISOString().slice(0, 10)).toBe('2022-01-15');
    expect(summaries.some((s) => s.startsWith('NOVUS-HUB'))).toBe(false);
    await vodja.get('/api/calendar/feed').expect(200, { active: true, createdAt: created.body.createdAt });
  });

  it('stops an old URL when the feed is renewed or revoked, and keeps feeds per user', async () => {
    const first = (await koordinator.post('/api/calendar/feed').expect(201)).body.path;
    const second = (await koordinator.post('/api/calendar/feed').expect(201)).body.path;
    const server = t.app.getHttpServer();
    await request(server).get(first).expect(404);
    await request(server).get(second).expect(200);
    await koordinator.delete('/api/calendar/feed').expect(204);
    await request(server).get(second).expect(404);
    await request(server).get('/api/calendar/not-a-token.ics').expect(404);
  });
});

import { DeadlineRemindersJob } from '../../src/calendar/deadline-reminders.job';
import { createTestApp, TestApp } from '../support/app';
import { clientFor, Client } from '../support/http';
import { startSmtpServer } from '../support/smtp';

describe('deadline reminders by e-mail', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let vodja: Client;
  let koordinator: Client;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, REMINDER_DAYS_BEFORE: '14' } });
    [vodja, koordinator] = await Promise.all(['vodja', 'koordinator'].map((u) => clientFor(t.app, u)));
    await vodja.put('/api/notifications/settings', { email: 'vodja@novus.example' }).expect(200);
    await koordinator.put('/api/notifications/settings', { email: 'koordinator@novus.example' }).expect(200);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('sends each reminder once, in Slovene, to the people answerable for the report, however often and concurrently the job runs', async () => {
    const job = t.app.get(DeadlineRemindersJob);
    // Ten days before the ESS annual reports for 2021 (due 15. 1. 2022).
    await Promise.all([job.run('2022-01-05'), job.run('2022-01-05'), job.run('2022-01-06')]);
    await job.run('2022-01-07');
    const as = smtp.received.filter((m) => m.subject.includes('AS –'));
    expect(as.map((m) => m.to).sort()).toEqual([['koordinator@novus.example'], ['vodja@novus.example']]);
    expect(as[0].subject).toBe('Opomnik: AS – Letno poročilo ESS (e-MA) za leto 2021 je treba oddati do 15. 1. 2022');
    // KCM is led by PRIZMA: its manager is reminded, NOVUS's coordinator (a partner) is not.
    const kcm = smtp.received.filter((m) => m.subject.includes('KCM –'));
    expect(kcm.map((m) => m.to)).toEqual([['vodja@novus.example']]);
    const inApp = await vodja.get('/api/notifications').expect(200);
    expect(inApp.body.filter((n: { kind: string }) => n.kind === 'deadline_reminder').map((n: { subject: string }) => n.subject.slice(0, 14)).sort()).toEqual(
      expect.arrayContaining(['Opomnik: AS – ', 'Opomnik: KCM –']),
    );
  });

  it('sends the "returned" notice once to the lead, in Slovene, with the reviewer’s reasons', async () => {
    const skrbnik = await clientFor(t.app, 'skrbnik');
    await koordinator.post('/api/projects/AS/reports/cycle/submit', { year: 2021, overrideReason: 'Partnerja nista izvajala aktivnosti' }).expect(200);
    const before = smtp.received.length;
    await skrbnik.post('/api/projects/AS/reports/cycle/review', { year: 2021, action: 'return', comment: 'Manjkajo dosežene vrednosti za leto 2021.' }).expect(200);
    await t.app.get(DeadlineRemindersJob).run('2022-01-05');
    const notices = smtp.received.slice(before);
    expect(notices.map((m) => [m.to, m.subject]).sort()).toEqual([
      [['koordinator@novus.example'], 'Poročilo AS za leto 2021 je vrnjeno v dopolnitev'],
      [['vodja@novus.example'], 'Poročilo AS za leto 2021 je vrnjeno v dopolnitev'],
    ]);
    expect(notices[0].body).toContain('Manjkajo dose');
  });

  it('sends nothing outside the window before a deadline', async () => {
    const before = smtp.received.length;
    await expect(t.app.get(DeadlineRemindersJob).run('2021-11-01')).resolves.toMatchObject({ deadlines: 0, sent: 0 });
    expect(smtp.received.length).toBe(before);
  });
});

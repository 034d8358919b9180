import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { formatDate } from '../common/format/format';
import { LockExceptionsService } from '../locks/lock-exceptions.service';
import { NotificationsService } from '../notifications/notifications.service';
import { UserAssignmentsRepository } from '../users/user-assignments.repository';
import { CalendarService, ProjectDeadline, todayIso } from './calendar.service';

/**
 * Reminds the people answerable for a report N days before its deadline (REMINDER_DAYS_BEFORE),
 * in Slovene, in the app and by e-mail. Every run within the window finds the same reminders,
 * and the notices are unique per deadline and recipient, so each is sent once however many
 * instances run the job and however often. Each instance runs it every REMINDER_INTERVAL_SECONDS.
 */
@Injectable()
export class DeadlineRemindersJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeadlineRemindersJob.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendar: CalendarService,
    private readonly assignments: UserAssignmentsRepository,
    private readonly notifications: NotificationsService,
    private readonly lockExceptions: LockExceptionsService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.reminderIntervalSeconds === 0) return;
    this.timer = setInterval(() => {
      this.run()
        .then(() => this.lockExceptions.closeExpired())
        .catch((error: Error) => this.logger.error(`Reminder run failed: ${error.message}`));
    }, this.config.reminderIntervalSeconds * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Records and sends the reminders due on `today`; answers how many notices it recorded or found. */
  async run(today = todayIso()): Promise<{ deadlines: number; sent: number }> {
    const due = (await this.calendar.forProjects('all', today)).filter((d) => !d.done && d.daysLeft >= 0 && d.daysLeft <= this.config.reminderDaysBefore);
    const notices = [];
    for (const d of due) {
      for (const userId of await this.assignments.userIdsResponsibleFor(d.projectId)) {
        notices.push({ eventKey: reminderKey(d), userId, kind: 'deadline_reminder' as const, projectId: d.projectId, ...reminderText(d) });
      }
    }
    const sent = notices.length ? await this.notifications.notify(notices) : await this.notifications.deliver();
    return { deadlines: due.length, sent };
  }
}

export function reminderKey(d: ProjectDeadline): string {
  return `deadline:${d.projectId}:${d.fundingPeriodId}:${d.kind}:${d.year}:${d.dueDate}`;
}

export function reminderText(d: ProjectDeadline): { subject: string; body: string } {
  const due = formatDate(d.dueDate, 'sl');
  const left = d.daysLeft === 0 ? 'danes' : d.daysLeft === 1 ? 'jutri' : `čez ${d.daysLeft} dni`;
  return {
    subject: `Opomnik: ${d.projectCode} – ${d.title} za leto ${d.year} je treba oddati do ${due}`,
    body: [
      `Pozdravljeni,`,
      ``,
      `rok za ${d.title.toLowerCase()} projekta ${d.projectCode} (${d.projectName}) za leto ${d.year} je ${due} (${left}).`,
      `Poročilo še ni oddano v Kazalniku.`,
      ``,
      `Kazalnik`,
    ].join('\n'),
  };
}

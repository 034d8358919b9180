import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { Transactions } from '../database/transactions';
import { Notification } from './entities/notification.entity';
import { Mailer } from './mailer';
import { NewNotification, NotificationsRepository } from './notifications.repository';

/**
 * Notices to users about deadlines and their reports. Each event reaches each recipient at most
 * once (in the app, and by e-mail when SMTP is configured), even with several app instances:
 * the notice is unique per event and recipient, and its e-mail is claimed before it is sent.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly mailer: Mailer,
    private readonly transactions: Transactions,
  ) {}

  /** Records notices in the caller's transaction; call `deliver()` after it commits. */
  record(em: EntityManager, notices: NewNotification[]): Promise<void> {
    return this.repository.insertNew(em, notices);
  }

  /** Records notices in their own transaction and e-mails them. */
  async notify(notices: NewNotification[]): Promise<number> {
    await this.transactions.run((em) => this.repository.insertNew(em, notices));
    return this.deliver();
  }

  /**
   * E-mails the notices no instance has claimed yet; answers how many were sent. Without SMTP it
   * does nothing: the notices stay in the app. A failed send is kept with its error, not retried,
   * so that a flaky server never makes anyone receive the same notice twice.
   */
  async deliver(): Promise<number> {
    if (!this.mailer.enabled) return 0;
    let sent = 0;
    const pending = await this.repository.findUnmailed();
    const addresses = await this.repository.emailsOf([...new Set(pending.map((n) => n.userId))]);
    for (const notice of pending) {
      if (!(await this.repository.claimForMail(notice.id))) continue;
      const to = addresses.get(notice.userId);
      if (!to) {
        await this.repository.markMailed(notice.id, 'no e-mail address');
        continue;
      }
      try {
        await this.mailer.send({ to, subject: notice.subject, text: notice.body });
        await this.repository.markMailed(notice.id, null);
        sent++;
      } catch (error) {
        this.logger.warn(`Notice ${notice.id} to user ${notice.userId} not sent: ${(error as Error).message}`);
        await this.repository.markMailed(notice.id, (error as Error).message);
      }
    }
    return sent;
  }

  list(actor: Actor): Promise<Notification[]> {
    return actor.userId === null ? Promise.resolve([]) : this.repository.findForUser(actor.userId);
  }

  markRead(actor: Actor, ids: number[]): Promise<void> {
    return actor.userId === null ? Promise.resolve() : this.repository.markRead(actor.userId, ids);
  }

  async settings(actor: Actor): Promise<{ email: string | null; mailEnabled: boolean }> {
    const setting = actor.userId === null ? null : await this.repository.findSetting(actor.userId);
    return { email: setting?.email ?? null, mailEnabled: this.mailer.enabled };
  }

  async saveSettings(actor: Actor, email: string | null): Promise<{ email: string | null; mailEnabled: boolean }> {
    await this.transactions.run((em) => this.repository.saveSetting(em, actor.userId!, email));
    return this.settings(actor);
  }
}

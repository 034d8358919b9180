import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { nowIso } from '../database/columns';
import { Notification } from './entities/notification.entity';
import { NotificationSetting } from './entities/notification-setting.entity';

export type NewNotification = Pick<Notification, 'eventKey' | 'userId' | 'kind' | 'projectId' | 'subject' | 'body'>;

/** Every query on notification and notification_setting. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts the notices that do not exist yet (by event and recipient) and skips the others: a
   * second instance noticing the same event adds nothing. Portable: INSERT … ON CONFLICT DO
   * NOTHING on PostgreSQL, INSERT OR IGNORE on SQLite.
   */
  async insertNew(em: EntityManager, rows: NewNotification[]): Promise<void> {
    if (rows.length === 0) return;
    const createdAt = nowIso();
    await em
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(rows.map((r) => ({ ...r, createdAt, mailClaim: null, mailedAt: null, mailError: null, readAt: null })))
      .orIgnore()
      .execute();
  }

  /** Notices not yet claimed for e-mail, oldest first. */
  findUnmailed(limit = 100): Promise<Notification[]> {
    return this.dataSource.manager.find(Notification, { where: { mailClaim: IsNull() }, order: { id: 'ASC' }, take: limit });
  }

  /** Claims a notice for sending; true for exactly one caller, whichever instance asks. */
  async claimForMail(id: number): Promise<string | null> {
    const claim = randomUUID();
    const result = await this.dataSource.manager
      .createQueryBuilder()
      .update(Notification)
      .set({ mailClaim: claim })
      .where('id = :id AND mailClaim IS NULL', { id })
      .execute();
    return result.affected === 1 ? claim : null;
  }

  async markMailed(id: number, error: string | null): Promise<void> {
    await this.dataSource.manager.update(Notification, { id }, error ? { mailError: error } : { mailedAt: nowIso() });
  }

  findForUser(userId: number, limit = 50): Promise<Notification[]> {
    return this.dataSource.manager.find(Notification, { where: { userId }, order: { id: 'DESC' }, take: limit });
  }

  async markRead(userId: number, ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.manager.update(Notification, { userId, id: In(ids), readAt: IsNull() }, { readAt: nowIso() });
  }

  async emailsOf(userIds: number[]): Promise<Map<number, string>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.dataSource.manager.find(NotificationSetting, { where: { userId: In(userIds) } });
    return new Map(rows.filter((r) => r.email).map((r) => [r.userId, r.email!]));
  }

  async findSetting(userId: number): Promise<NotificationSetting | null> {
    return this.dataSource.manager.findOneBy(NotificationSetting, { userId });
  }

  async saveSetting(em: EntityManager, userId: number, email: string | null): Promise<NotificationSetting> {
    return em.save(NotificationSetting, em.create(NotificationSetting, { userId, email }));
  }
}

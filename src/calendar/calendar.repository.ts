import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarFeed } from './entities/calendar-feed.entity';
import { DeadlineRule } from './entities/deadline-rule.entity';

/** Every query on deadline_rule and calendar_feed. */
@Injectable()
export class CalendarRepository {
  constructor(private readonly dataSource: DataSource) {}

  findRules(): Promise<DeadlineRule[]> {
    return this.dataSource.manager.find(DeadlineRule, { order: { id: 'ASC' } });
  }

  insertRule(em: EntityManager, rule: Omit<DeadlineRule, 'id'>): Promise<DeadlineRule> {
    return em.save(DeadlineRule, em.create(DeadlineRule, rule));
  }

  findFeedByUser(userId: number): Promise<CalendarFeed | null> {
    return this.dataSource.manager.findOneBy(CalendarFeed, { userId });
  }

  findFeedByTokenHash(tokenHash: string): Promise<CalendarFeed | null> {
    return this.dataSource.manager.findOneBy(CalendarFeed, { tokenHash });
  }

  /** Replaces the user's feed: the old URL stops working in the same transaction. */
  async replaceFeed(em: EntityManager, userId: number, tokenHash: string, createdAt: string): Promise<CalendarFeed> {
    await em.delete(CalendarFeed, { userId });
    return em.save(CalendarFeed, em.create(CalendarFeed, { userId, tokenHash, createdAt }));
  }

  async deleteFeed(em: EntityManager, userId: number): Promise<CalendarFeed | null> {
    const feed = await em.findOneBy(CalendarFeed, { userId });
    if (feed) await em.delete(CalendarFeed, { id: feed.id });
    return feed;
  }
}

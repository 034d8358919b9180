import { CalendarFeed } from './calendar-feed.entity';
import { DeadlineRule } from './deadline-rule.entity';

export { CalendarFeed, DeadlineRule };

/** The calendar's entities, spread into ENTITIES in src/database/entities.ts. */
export const CALENDAR_ENTITIES = [DeadlineRule, CalendarFeed];

import { Module } from '@nestjs/common';
import { LocksModule } from '../locks/locks.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProjectsModule } from '../projects/projects.module';
import { ReviewModule } from '../review/review.module';
import { UsersModule } from '../users/users.module';
import { CalendarController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';
import { DeadlineRemindersJob } from './deadline-reminders.job';

/** The reporting calendar: deadline rules, deadlines per project and year, iCalendar feeds. */
@Module({
  imports: [ProjectsModule, UsersModule, NotificationsModule, ReviewModule, LocksModule],
  controllers: [CalendarController],
  providers: [CalendarRepository, CalendarService, DeadlineRemindersJob],
  exports: [CalendarService, DeadlineRemindersJob],
})
export class CalendarModule {}

import { Module } from '@nestjs/common';
import { REPORT_PROGRESS } from '../calendar/report-progress';
import { LocksModule } from '../locks/locks.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProjectsModule } from '../projects/projects.module';
import { ReportsModule } from '../reports/reports.module';
import { UsersModule } from '../users/users.module';
import { ReviewController } from './review.controller';
import { ReviewRepository } from './review.repository';
import { ReviewService } from './review.service';

/** The reporting cycle: partners' parts, submission, the funder's review. */
@Module({
  imports: [ProjectsModule, ReportsModule, LocksModule, NotificationsModule, UsersModule],
  controllers: [ReviewController],
  providers: [ReviewRepository, ReviewService, { provide: REPORT_PROGRESS, useExisting: ReviewRepository }],
  exports: [ReviewService, REPORT_PROGRESS],
})
export class ReviewModule {}

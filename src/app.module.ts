import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AccessModule } from './access/access.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { FundersModule } from './funders/funders.module';
import { HealthController } from './health/health.controller';
import { HistoryModule } from './history/history.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { LocksModule } from './locks/locks.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ReviewModule } from './review/review.module';
import { CommentsModule } from './comments/comments.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { ProjectsModule } from './projects/projects.module';
import { JobsModule } from './jobs/jobs.module';
import { RedisModule } from './redis/redis.module';
import { ReportsModule } from './reports/reports.module';
import { WebModule } from './web/web.module';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    RedisModule,
    JobsModule,
    AuditModule,
    AccessModule,
    AuthModule,
    OrganisationsModule,
    FundersModule,
    ProjectsModule,
    IndicatorsModule,
    LocksModule,
    HistoryModule,
    ReportsModule,
    CalendarModule,
    NotificationsModule,
    ReviewModule,
    CommentsModule,
    DemoModule,
    WebModule,
  ],
  controllers: [HealthController],
  providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
})
export class AppModule {}

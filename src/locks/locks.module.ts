import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { UsersModule } from '../users/users.module';
import { LockExceptionsController } from './lock-exceptions.controller';
import { LockExceptionsService } from './lock-exceptions.service';
import { LocksController } from './locks.controller';
import { LocksService } from './locks.service';
import { YearLocksRepository } from './year-locks.repository';

@Module({
  imports: [ProjectsModule, UsersModule],
  controllers: [LocksController, LockExceptionsController],
  providers: [LocksService, LockExceptionsService, YearLocksRepository],
  exports: [LocksService, LockExceptionsService, YearLocksRepository],
})
export class LocksModule {}

import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { UsersModule } from '../users/users.module';
import { LockExceptionsController } from './lock-exceptions.controller';
import { LockExceptionsService } from './lock-exceptions.service';
import { LocksController } from './locks.controller';
import { LocksService } from './locks.service';

@Module({
  imports: [ProjectsModule, UsersModule],
  controllers: [LocksController, LockExceptionsController],
  providers: [LocksService, LockExceptionsService],
  exports: [LocksService, LockExceptionsService],
})
export class LocksModule {}

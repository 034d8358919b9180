import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { LocksController } from './locks.controller';
import { LocksService } from './locks.service';

@Module({
  imports: [ProjectsModule],
  controllers: [LocksController],
  providers: [LocksService],
  exports: [LocksService],
})
export class LocksModule {}

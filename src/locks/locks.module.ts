import { Module, OnModuleInit } from '@nestjs/common';
import { t } from '../common/i18n/text';
import { ProjectDependents } from '../projects/project-dependents';
import { ProjectsModule } from '../projects/projects.module';
import { UsersModule } from '../users/users.module';
import { LockExceptionsController } from './lock-exceptions.controller';
import { LockExceptionsService } from './lock-exceptions.service';
import { LocksController } from './locks.controller';
import { LocksService } from './locks.service';
import { YearLocksModule } from './year-locks.module';
import { YearLocksRepository } from './year-locks.repository';

@Module({
  imports: [ProjectsModule, UsersModule, YearLocksModule],
  controllers: [LocksController, LockExceptionsController],
  providers: [LocksService, LockExceptionsService],
  exports: [LocksService, LockExceptionsService, YearLocksModule],
})
export class LocksModule implements OnModuleInit {
  constructor(
    private readonly dependents: ProjectDependents,
    private readonly locks: YearLocksRepository,
  ) {}

  /** A project with a locked year has reported figures: it is not deleted. */
  onModuleInit(): void {
    this.dependents.register({
      blocking: async (em, projectId) => {
        const n = await this.locks.countByProject(projectId, em);
        return n ? t(`${n} zaklenjeno leto (let)`, `${n} locked year(s)`) : null;
      },
    });
  }
}

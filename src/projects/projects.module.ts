import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FundersModule } from '../funders/funders.module';
import { IndicatorFiguresModule } from '../indicators/indicator-figures.module';
import { YearLocksModule } from '../locks/year-locks.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { Project } from './entities/project.entity';
import { ProjectStructureService } from './project-structure.service';
import { ProjectsController } from './projects.controller';
import { ProjectsRepository } from './projects.repository';
import { ProjectDependents } from './project-dependents';
import { ProjectsService } from './projects.service';

@Module({
  // Small repository modules of other features, with no imports of their own: no cycle back here.
  imports: [TypeOrmModule.forFeature([Project]), OrganisationsModule, FundersModule, YearLocksModule, IndicatorFiguresModule],
  controllers: [ProjectsController],
  providers: [ProjectsService, ProjectStructureService, ProjectsRepository, ProjectDependents],
  exports: [ProjectsService, ProjectsRepository, ProjectDependents],
})
export class ProjectsModule {}

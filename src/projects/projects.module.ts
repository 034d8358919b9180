import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Project } from './entities/project.entity';
import { ProjectStructureService } from './project-structure.service';
import { ProjectsController } from './projects.controller';
import { ProjectsRepository } from './projects.repository';
import { ProjectDependents } from './project-dependents';
import { ProjectsService } from './projects.service';

@Module({
  imports: [TypeOrmModule.forFeature([Project])],
  controllers: [ProjectsController],
  providers: [ProjectsService, ProjectStructureService, ProjectsRepository, ProjectDependents],
  exports: [ProjectsService, ProjectsRepository, ProjectDependents],
})
export class ProjectsModule {}

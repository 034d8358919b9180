import { Module } from '@nestjs/common';
import { FundersModule } from '../funders/funders.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ProjectsModule } from '../projects/projects.module';
import { UserAssignmentsRepository } from './user-assignments.repository';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** Users, their roles and assignments. The repositories are exported for the auth module. */
@Module({
  imports: [FundersModule, ProjectsModule, OrganisationsModule],
  controllers: [UsersController],
  providers: [UsersRepository, UserAssignmentsRepository, UsersService],
  exports: [UsersRepository, UserAssignmentsRepository, UsersService],
})
export class UsersModule {}

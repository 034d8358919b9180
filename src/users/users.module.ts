import { Module } from '@nestjs/common';
import { FundersModule } from '../funders/funders.module';
import { UserAssignmentsRepository } from './user-assignments.repository';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** Users, their roles and assignments. The repositories are exported for the auth module. */
@Module({
  imports: [FundersModule],
  controllers: [UsersController],
  providers: [UsersRepository, UserAssignmentsRepository, UsersService],
  exports: [UsersRepository, UserAssignmentsRepository, UsersService],
})
export class UsersModule {}

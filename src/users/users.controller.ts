import { Body, Controller, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { Requires } from '../access/requires.decorator';
import { IdPipe } from '../common/id.pipe';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../auth/actor';

import { CreateUserDto, SetFundersDto, SetOrganisationsDto, SetProjectsDto, UpdateUserDto } from './dto/user.dto';
import { UserView } from './user-view';
import { UsersService } from './users.service';

/** Managing users is for admins only. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Requires('user.manage')
  list(): Promise<UserView[]> {
    return this.users.list();
  }

  @Post()
  @Requires('user.manage')
  create(@Body() dto: CreateUserDto, @CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.create(dto, actor);
  }

  @Patch(':id')
  @Requires('user.manage')
  update(@Param('id', IdPipe) id: number, @Body() dto: UpdateUserDto, @CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.update(id, dto, actor);
  }

  @Put(':id/projects')
  @Requires('user.manage')
  setProjects(@Param('id', IdPipe) id: number, @Body() dto: SetProjectsDto, @CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.setProjects(id, dto.projectIds, actor);
  }

  @Put(':id/organisations')
  @Requires('user.manage')
  setOrganisations(@Param('id', IdPipe) id: number, @Body() dto: SetOrganisationsDto, @CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.setOrganisations(id, dto.organisationIds, actor);
  }

  /** The funders (or public calls of a funder) whose contracts a reviewer (skrbnik pogodbe) oversees. */
  @Put(':id/funders')
  @Requires('user.manage')
  setFunders(@Param('id', IdPipe) id: number, @Body() dto: SetFundersDto, @CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.setFunders(id, dto.funders.map((f) => ({ funderId: f.funderId, publicCallId: f.publicCallId ?? null })), actor);
  }
}

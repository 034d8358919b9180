import { Body, Controller, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { IdPipe } from '../common/id.pipe';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../auth/actor';
import { Roles } from '../auth/roles.decorator';
import { CreateUserDto, SetOrganisationsDto, SetProjectsDto, UpdateUserDto } from './dto/user.dto';
import { UserView } from './user-view';
import { UsersService } from './users.service';

/** Managing users is for admins only. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin')
  list(): Promise<UserView[]> {
    return this.users.list();
  }

  @Post()
  @Roles('admin')
  create(@Body() dto: CreateUserDto, @CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.create(dto, actor);
  }

  @Patch(':id')
  @Roles('admin')
  update(@Param('id', IdPipe) id: number, @Body() dto: UpdateUserDto, @CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.update(id, dto, actor);
  }

  @Put(':id/projects')
  @Roles('admin')
  setProjects(@Param('id', IdPipe) id: number, @Body() dto: SetProjectsDto, @CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.setProjects(id, dto.projectIds, actor);
  }

  @Put(':id/organisations')
  @Roles('admin')
  setOrganisations(@Param('id', IdPipe) id: number, @Body() dto: SetOrganisationsDto, @CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.setOrganisations(id, dto.organisationIds, actor);
  }
}

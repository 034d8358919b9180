import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../auth/actor';
import { EVERYONE, MANAGERS, Roles } from '../auth/roles.decorator';
import { CreateOrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto';
import { Organisation } from './organisation.entity';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('api/organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @Roles(...EVERYONE)
  list(): Promise<Organisation[]> {
    return this.organisations.list();
  }

  @Get(':id')
  @Roles(...EVERYONE)
  get(@Param('id', ParseIntPipe) id: number): Promise<Organisation> {
    return this.organisations.get(id);
  }

  @Post()
  @Roles(...MANAGERS)
  create(@Body() dto: CreateOrganisationDto, @CurrentActor() actor: Actor): Promise<Organisation> {
    return this.organisations.create(dto, actor);
  }

  @Patch(':id')
  @Roles(...MANAGERS)
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateOrganisationDto, @CurrentActor() actor: Actor): Promise<Organisation> {
    return this.organisations.update(id, dto, actor);
  }

  @Delete(':id')
  @Roles(...MANAGERS)
  @HttpCode(204)
  remove(@Param('id', ParseIntPipe) id: number, @CurrentActor() actor: Actor): Promise<void> {
    return this.organisations.remove(id, actor);
  }
}

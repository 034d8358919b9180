import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { Requires } from '../access/requires.decorator';
import { IdPipe } from '../common/id.pipe';
import { ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../auth/actor';

import { CreateOrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto';
import { Organisation } from './organisation.entity';
import { OrganisationsService } from './organisations.service';

/**
 * Organisations, funders and calls are shared by every project: coordinators add new ones, but only
 * an administrator renames or removes one, since that changes other coordinators' projects too.
 */
@ApiTags('organisations')
@Controller('api/organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @Requires('catalogue.read')
  list(): Promise<Organisation[]> {
    return this.organisations.list();
  }

  @Get(':id')
  @Requires('catalogue.read')
  get(@Param('id', IdPipe) id: number): Promise<Organisation> {
    return this.organisations.get(id);
  }

  @Post()
  @Requires('catalogue.add')
  create(@Body() dto: CreateOrganisationDto, @CurrentActor() actor: Actor): Promise<Organisation> {
    return this.organisations.create(dto, actor);
  }

  @Patch(':id')
  @Requires('catalogue.manage')
  update(@Param('id', IdPipe) id: number, @Body() dto: UpdateOrganisationDto, @CurrentActor() actor: Actor): Promise<Organisation> {
    return this.organisations.update(id, dto, actor);
  }

  @Delete(':id')
  @Requires('catalogue.manage')
  @HttpCode(204)
  remove(@Param('id', IdPipe) id: number, @CurrentActor() actor: Actor): Promise<void> {
    return this.organisations.remove(id, actor);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { Requires } from '../access/requires.decorator';
import { IdPipe } from '../common/id.pipe';
import { ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../auth/actor';

import { CreateFunderDto, CreatePublicCallDto, UpdateFunderDto, UpdatePublicCallDto } from './dto/funder.dto';
import { Funder } from './funder.entity';
import { FundersService } from './funders.service';
import { PublicCall } from './public-call.entity';

/**
 * Organisations, funders and calls are shared by every project: coordinators add new ones, but only
 * an administrator renames or removes one, since that changes other coordinators' projects too.
 */
@ApiTags('funders')
@Controller('api/funders')
export class FundersController {
  constructor(private readonly funders: FundersService) {}

  @Get()
  @Requires('catalogue.read')
  list(): Promise<Funder[]> {
    return this.funders.listFunders();
  }

  @Get(':id')
  @Requires('catalogue.read')
  get(@Param('id', IdPipe) id: number): Promise<Funder> {
    return this.funders.getFunder(id);
  }

  @Post()
  @Requires('catalogue.add')
  create(@Body() dto: CreateFunderDto, @CurrentActor() actor: Actor): Promise<Funder> {
    return this.funders.createFunder(dto, actor);
  }

  @Patch(':id')
  @Requires('catalogue.manage')
  update(@Param('id', IdPipe) id: number, @Body() dto: UpdateFunderDto, @CurrentActor() actor: Actor): Promise<Funder> {
    return this.funders.updateFunder(id, dto, actor);
  }

  @Delete(':id')
  @Requires('catalogue.manage')
  @HttpCode(204)
  remove(@Param('id', IdPipe) id: number, @CurrentActor() actor: Actor): Promise<void> {
    return this.funders.removeFunder(id, actor);
  }
}

@ApiTags('funders')
@Controller('api/public-calls')
export class PublicCallsController {
  constructor(private readonly funders: FundersService) {}

  @Get()
  @Requires('catalogue.read')
  list(): Promise<PublicCall[]> {
    return this.funders.listCalls();
  }

  @Get(':id')
  @Requires('catalogue.read')
  get(@Param('id', IdPipe) id: number): Promise<PublicCall> {
    return this.funders.getCall(id);
  }

  @Post()
  @Requires('catalogue.add')
  create(@Body() dto: CreatePublicCallDto, @CurrentActor() actor: Actor): Promise<PublicCall> {
    return this.funders.createCall(dto, actor);
  }

  @Patch(':id')
  @Requires('catalogue.manage')
  update(@Param('id', IdPipe) id: number, @Body() dto: UpdatePublicCallDto, @CurrentActor() actor: Actor): Promise<PublicCall> {
    return this.funders.updateCall(id, dto, actor);
  }

  @Delete(':id')
  @Requires('catalogue.manage')
  @HttpCode(204)
  remove(@Param('id', IdPipe) id: number, @CurrentActor() actor: Actor): Promise<void> {
    return this.funders.removeCall(id, actor);
  }
}

import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Requires } from '../access/requires.decorator';
import { IsReportingYear } from '../common/dto-decorators';
import { Actor, CurrentActor } from '../auth/actor';
import { IdPipe } from '../common/id.pipe';
import { OptionalYearPipe } from '../common/year.pipe';
import { CommentsService } from './comments.service';

export class AddCommentDto {
  @IsReportingYear()
  year: number;

  @ApiProperty({ example: 'Prosimo za dokazila o vključitvi (lista prisotnosti).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  text: string;
}

@ApiTags('comments')
@Controller('api/indicators/:id/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get()
  @Requires('project.read')
  list(@Param('id', IdPipe) id: number, @Query('year', OptionalYearPipe) year: number | undefined, @CurrentActor() actor: Actor) {
    return this.comments.list(id, year, actor);
  }

  @Post()
  @Requires('comment.write')
  add(@Param('id', IdPipe) id: number, @Body() dto: AddCommentDto, @CurrentActor() actor: Actor) {
    return this.comments.add(id, dto.year, dto.text, actor);
  }
}

import { Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Actor, CurrentActor } from '../auth/actor';
import { actorOf } from '../auth/auth.service';
import { Requires } from '../access/requires.decorator';
import { Public } from '../auth/roles.decorator';
import { NotFoundError } from '../common/errors';
import { OptionalYearPipe } from '../common/year.pipe';
import { UsersRepository } from '../users/users.repository';
import { CalendarService } from './calendar.service';

@ApiTags('calendar')
@Controller('api')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly users: UsersRepository,
  ) {}

  /** Deadlines of the actor's projects with days left, and the year that needs attention. */
  @Get('deadlines')
  @Requires('project.read')
  deadlines(@Query('year', OptionalYearPipe) year: number | undefined, @Query('project') project: string | undefined, @CurrentActor() actor: Actor) {
    return this.calendar.overview(actor, { year, projectCode: project || undefined });
  }

  @Get('calendar/feed')
  @Requires('session.own')
  feedStatus(@CurrentActor() actor: Actor) {
    return this.calendar.feedStatus(actor);
  }

  /** A new secret feed URL; an earlier one stops working. */
  @Post('calendar/feed')
  @Requires('session.own')
  createFeed(@CurrentActor() actor: Actor) {
    return this.calendar.createFeed(actor);
  }

  @Delete('calendar/feed')
  @Requires('session.own')
  @HttpCode(204)
  revokeFeed(@CurrentActor() actor: Actor): Promise<void> {
    return this.calendar.revokeFeed(actor);
  }

  /**
   * The iCalendar feed for Outlook or Google Calendar. Public because calendar clients send no
   * login: the secret token in the URL is the credential, and an inactive user's feed answers 404.
   */
  @Get('calendar/:token.ics')
  @Public()
  async feed(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const text = await this.calendar.feed(token, async (userId) => {
      const user = await this.users.findById(userId);
      return user && user.active ? actorOf(user) : null;
    });
    if (text === null) throw new NotFoundError('No such calendar feed');
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.send(text);
  }
}

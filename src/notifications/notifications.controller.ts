import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../auth/actor';
import { Requires } from '../access/requires.decorator';
import { MarkReadDto, NotificationSettingsDto } from './dto/notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Requires('session.own')
  list(@CurrentActor() actor: Actor) {
    return this.notifications.list(actor);
  }

  @Post('read')
  @Requires('session.own')
  @HttpCode(204)
  markRead(@Body() dto: MarkReadDto, @CurrentActor() actor: Actor): Promise<void> {
    return this.notifications.markRead(actor, dto.ids);
  }

  @Get('settings')
  @Requires('session.own')
  settings(@CurrentActor() actor: Actor) {
    return this.notifications.settings(actor);
  }

  @Put('settings')
  @Requires('session.own')
  saveSettings(@Body() dto: NotificationSettingsDto, @CurrentActor() actor: Actor) {
    return this.notifications.saveSettings(actor, dto.email ?? null);
  }
}

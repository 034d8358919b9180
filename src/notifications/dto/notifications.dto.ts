import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsOptional, ValidateIf } from 'class-validator';
import { IsId } from '../../common/dto-decorators';
import { Nullable } from '../../common/nullable';

export class NotificationSettingsDto {
  @ApiPropertyOptional({ nullable: true, example: 'ana@novus.si', description: 'null: reminders only in the app' })
  @IsOptional()
  @Nullable()
  @ValidateIf((_o, v) => v !== null)
  @IsEmail()
  email?: string | null;
}

export class MarkReadDto {
  @IsArray()
  @ArrayMaxSize(500)
  @IsId({ each: true })
  ids: number[];
}

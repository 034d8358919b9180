import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsInt, IsOptional, ValidateIf } from 'class-validator';

export class NotificationSettingsDto {
  @ApiPropertyOptional({ nullable: true, example: 'ana@novus.si', description: 'null: reminders only in the app' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsEmail()
  email?: string | null;
}

export class MarkReadDto {
  @IsArray()
  @ArrayMaxSize(500)
  @IsInt({ each: true })
  ids: number[];
}

import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { AUDIT_ACTIONS } from '../../audit/audit.types';

/** A whole-trail export: its format and filters, each optional. Moments are UTC. */
export class TrailQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] })
  @IsIn(['csv', 'xlsx'], { message: 'format must be xlsx or csv' })
  format: 'csv' | 'xlsx';

  @ApiPropertyOptional({ example: 'AS', description: 'Only this project' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  project?: string;

  @ApiPropertyOptional({ example: 'vodja', description: 'Only entries by this user' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  user?: string;

  @ApiPropertyOptional({ example: '2021-01-01', description: 'From this day, minute (2021-01-15T09:00) or instant on' })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({ example: '2021-01-31', description: 'Up to the end of this day, minute or instant' })
  @IsOptional()
  @IsString()
  to?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS as unknown as string[], { message: `action must be one of: ${AUDIT_ACTIONS.join(', ')}` })
  action?: string;
}

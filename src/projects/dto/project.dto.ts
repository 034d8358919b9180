import { IsId } from '../../common/dto-decorators';
import { Nullable } from '../../common/nullable';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PROJECT_STATUSES, ProjectStatus } from '../entities/project.entity';

export class CreateProjectDto {
  @ApiProperty({ example: 'AS', description: 'Short unique code: capital letters, digits and dashes' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{0,29}$/, { message: 'code must be 1–30 capital letters, digits or dashes, e.g. AS or NOVUS-HUB' })
  code: string;

  @ApiProperty({ example: 'Socialna aktivacija »AS – Aktiviraj se!«' })
  @IsString()
  @Length(1, 500)
  name: string;

  @ApiPropertyOptional({ nullable: true, description: 'null clears it' })
  @IsOptional()
  @Nullable()
  @IsString()
  @Length(0, 20000)
  description?: string | null;

  @ApiProperty()
  @IsId()
  leadOrganisationId: number;

  @ApiPropertyOptional({ type: [String], example: ['Velenje', 'Mozirje'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(300)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  places?: string[];

  @ApiPropertyOptional({ example: 'Savinjska', nullable: true, description: 'null clears it' })
  @IsOptional()
  @Nullable()
  @IsString()
  @Length(1, 200)
  region?: string | null;

  @ApiPropertyOptional({ enum: PROJECT_STATUSES, default: 'active' })
  @IsOptional()
  @IsIn(PROJECT_STATUSES, { message: `status must be one of: ${PROJECT_STATUSES.join(', ')}` })
  status?: ProjectStatus;
}

export class UpdateProjectDto extends PartialType(OmitType(CreateProjectDto, ['code'] as const)) {}

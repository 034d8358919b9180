import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsDecimalValue, IsId, IsSortOrder } from '../../common/dto-decorators';
import { PARTNER_ROLES, PartnerRole } from '../entities/project-partner.entity';

export class CreatePartnerDto {
  @ApiProperty()
  @IsId()
  organisationId: number;

  @ApiProperty({ enum: PARTNER_ROLES })
  @IsIn(PARTNER_ROLES, { message: `role must be one of: ${PARTNER_ROLES.join(', ')}` })
  role: PartnerRole;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 300)
  note?: string;
}

export class UpdatePartnerDto extends PartialType(CreatePartnerDto) {}

export class FundingPeriodFunderDto {
  @ApiProperty()
  @IsId()
  funderId: number;

  @IsDecimalValue({ optional: true, example: '80' })
  sharePercent?: string;

  @IsDecimalValue({ optional: true, example: '305750.85' })
  amountEur?: string;
}

export class CreateFundingPeriodDto {
  @IsCalendarDate({ example: '2019-10-01' })
  startDate: string;

  @IsCalendarDate({ example: '2023-09-30' })
  endDate: string;

  @IsDecimalValue({ optional: true, example: '382188.56' })
  amountEur?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  contractReference?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsId()
  publicCallId?: number;

  @ApiPropertyOptional({ type: [FundingPeriodFunderDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => FundingPeriodFunderDto)
  funders?: FundingPeriodFunderDto[];
}

export class UpdateFundingPeriodDto extends PartialType(CreateFundingPeriodDto) {}

export class CreateObjectiveDto {
  @ApiProperty({ example: 'SC1' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9.-]{0,29}$/, { message: 'code must be 1–30 letters, digits, dots or dashes' })
  code: string;

  @ApiProperty()
  @IsString()
  @Length(1, 5000)
  name: string;

  @IsSortOrder()
  sortOrder?: number;
}

export class UpdateObjectiveDto extends PartialType(CreateObjectiveDto) {}

export class CreateResultAreaDto extends CreateObjectiveDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsId()
  objectiveId?: number;
}

export class UpdateResultAreaDto extends PartialType(CreateResultAreaDto) {}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import { REASON_CATEGORIES, ReasonCategory } from '../../audit/audit.types';
import { IsCalendarDate, IsDecimalValue, IsId, IsVersion } from '../../common/dto-decorators';

export class CreateAchievedValueDto {
  @IsCalendarDate({ example: '2020-01-01' })
  periodStart: string;

  @IsCalendarDate({ example: '2020-12-31' })
  periodEnd: string;

  @ApiPropertyOptional({ description: 'Omit for the whole partnership; an organisation id for a partner part' })
  @IsOptional()
  @IsId()
  partnerOrganisationId?: number;

  @ApiPropertyOptional({ example: 'gender' })
  @IsOptional()
  @IsString()
  @Length(1, 30)
  dimension?: string;

  @ApiPropertyOptional({ example: 'ženske' })
  @ValidateIf((o: CreateAchievedValueDto) => o.dimension !== undefined || o.dimensionValue !== undefined)
  @IsString({ message: 'dimensionValue is required with a dimension' })
  @Length(1, 100)
  dimensionValue?: string;

  @IsDecimalValue({ optional: true, example: '62' })
  value?: string;

  @IsDecimalValue({ optional: true, example: '25' })
  numerator?: string;

  @IsDecimalValue({ optional: true, example: '62' })
  denominator?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  comment?: string;

  @ApiPropertyOptional({ description: "Confirms partners' parts that add up to more than the partnership's total, saying why" })
  @IsOptional()
  @IsString()
  @Length(3, 2000)
  partnerExcessReason?: string;
}

/** A change to a stored figure: based on a version, and always with a reason. */
export class ChangeReasonDto {
  @IsVersion({ optional: false })
  version: number;

  @ApiProperty({ example: 'Popravek po pregledu evidenc' })
  @IsString()
  @Length(3, 2000, { message: 'reason must say why, in 3 to 2000 characters' })
  reason: string;

  @ApiPropertyOptional({ enum: REASON_CATEGORIES })
  @IsOptional()
  @IsIn(REASON_CATEGORIES, { message: `reasonCategory must be one of: ${REASON_CATEGORIES.join(', ')}` })
  reasonCategory?: ReasonCategory;
}

export class UpdateAchievedValueDto extends ChangeReasonDto {
  @ApiPropertyOptional({ description: "Confirms partners' parts that add up to more than the partnership's total, saying why" })
  @IsOptional()
  @IsString()
  @Length(3, 2000)
  partnerExcessReason?: string;

  @IsDecimalValue({ optional: true, example: '62' })
  value?: string;

  @IsDecimalValue({ optional: true, example: '25' })
  numerator?: string;

  @IsDecimalValue({ optional: true, example: '62' })
  denominator?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  comment?: string;
}

export class CreateTargetDto {
  @ApiPropertyOptional({ description: 'The funding period (contract) the target belongs to; needed only when several could hold it' })
  @IsOptional()
  @IsId()
  fundingPeriodId?: number;

  @ApiPropertyOptional({ description: 'Reporting year; omit for the whole funding period', example: 2020 })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsId()
  partnerOrganisationId?: number;

  @IsDecimalValue({ example: '60' })
  value: string;

  @IsCalendarDate({ optional: true, example: '2019-09-23' })
  validFrom?: string;

  @ApiPropertyOptional({ example: 'Aneks št. 2 k pogodbi' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reference?: string;
}

export class UpdateTargetDto extends ChangeReasonDto {
  @IsDecimalValue({ optional: true, example: '60' })
  value?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reference?: string;
}

export class PutExplanationDto {
  @ApiProperty({ example: 'Zaradi epidemije covid-19 so bile delavnice izvedene na daljavo.' })
  @IsString()
  @Length(1, 10000)
  text: string;

  @IsVersion()
  version?: number;
}

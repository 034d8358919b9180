import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import { REASON_CATEGORIES, ReasonCategory } from '../../audit/audit.types';
import { IsCalendarDate, IsDecimalValue, IsId, IsVersion } from '../../common/dto-decorators';
import { Nullable } from '../../common/nullable';
import { VALUE_QUALIFIERS, ValueQualifier } from '../indicator-summary.types';

/** Where a value counts: its period, partner and dimension part. Fixed once the value is stored. */
export class ValuePlaceDto {
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
  @ValidateIf((o: ValuePlaceDto) => o.dimension !== undefined || o.dimensionValue !== undefined)
  @IsString({ message: 'dimensionValue is required with a dimension' })
  @Length(1, 100)
  dimensionValue?: string;
}

/**
 * What a value says: the figure (or a share's counts), how the source qualifies it, a comment.
 * The same rules for a new value, a change, a correction and a batch row.
 */
export class ValueFiguresDto {
  @IsDecimalValue({ optional: true, example: '62' })
  value?: string;

  @IsDecimalValue({ optional: true, example: '25' })
  numerator?: string;

  @IsDecimalValue({ optional: true, example: '62' })
  denominator?: string;

  @ApiPropertyOptional({ description: "Absent keeps a stored comment; '' clears it" })
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  comment?: string;

  @ApiPropertyOptional({ enum: VALUE_QUALIFIERS, nullable: true, description: 'How the source qualifies the figure ("vsaj 1.000", "približno 120", "več kot 47"); absent keeps the stored one, null clears it' })
  @Nullable()
  @IsOptional()
  @IsIn(VALUE_QUALIFIERS)
  qualifier?: ValueQualifier | null;
}

export class PartnerExcessDto {
  @ApiPropertyOptional({ description: "Confirms partners' parts that add up to more than the partnership's total, saying why" })
  @IsOptional()
  @IsString()
  @Length(3, 2000)
  partnerExcessReason?: string;
}

export class CreateAchievedValueDto extends IntersectionType(ValuePlaceDto, ValueFiguresDto, PartnerExcessDto) {}

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

export class UpdateAchievedValueDto extends IntersectionType(ChangeReasonDto, ValueFiguresDto, PartnerExcessDto) {}

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

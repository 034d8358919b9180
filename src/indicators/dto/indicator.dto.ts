import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsDecimalValue, IsId, IsSortOrder, IsVersion } from '../../common/dto-decorators';
import { AGGREGATIONS, DIMENSIONS, Dimension, DIRECTIONS, INDICATOR_KINDS, INDICATOR_UNITS } from '../entities/indicator.entity';
import type { Aggregation, Direction, IndicatorKind, IndicatorUnit } from '../indicator-summary.types';

const oneOf = (values: readonly string[], field: string) => ({ message: `${field} must be one of: ${values.join(', ')}` });

export class CreateIndicatorDto {
  @ApiProperty({ example: 'AS-U1' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$/, { message: 'code must be 1–30 letters, digits, dots, dashes or underscores' })
  code: string;

  @ApiProperty({ example: 'Število oseb iz ranljivih ciljnih skupin, vključenih v program.' })
  @IsString()
  @Length(1, 2000)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  nameEn?: string;

  @ApiProperty({ enum: INDICATOR_KINDS, description: 'output = kazalnik učinka, result = kazalnik rezultata' })
  @IsIn(INDICATOR_KINDS, oneOf(INDICATOR_KINDS, 'kind'))
  kind: IndicatorKind;

  @ApiProperty({ enum: INDICATOR_UNITS, description: 'percent makes a share, kept as numerator and denominator' })
  @IsIn(INDICATOR_UNITS, oneOf(INDICATOR_UNITS, 'unit'))
  unit: IndicatorUnit;

  @ApiPropertyOptional({ example: 'objave' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  unitLabel?: string;

  @ApiPropertyOptional({ enum: AGGREGATIONS, default: 'sum' })
  @IsOptional()
  @IsIn(AGGREGATIONS, oneOf(AGGREGATIONS, 'aggregation'))
  aggregation?: Aggregation;

  @ApiPropertyOptional({ enum: DIRECTIONS, default: 'at_least' })
  @IsOptional()
  @IsIn(DIRECTIONS, oneOf(DIRECTIONS, 'direction'))
  direction?: Direction;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  numeratorDefinition?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  denominatorDefinition?: string;

  @IsDecimalValue({ optional: true, example: '0' })
  baselineValue?: string;

  @ApiPropertyOptional({ example: 2019 })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  baselineYear?: number;

  @ApiPropertyOptional({ enum: DIMENSIONS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(DIMENSIONS, { each: true, message: `each of dimensions must be one of: ${DIMENSIONS.join(', ')}` })
  dimensions?: Dimension[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsId()
  resultAreaId?: number;

  @IsSortOrder()
  sortOrder?: number;
}

export class UpdateIndicatorDto extends PartialType(OmitType(CreateIndicatorDto, ['code'] as const)) {
  @IsVersion()
  version?: number;

  @ApiPropertyOptional({ description: 'Why the definition changes (kept in the audit trail)' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

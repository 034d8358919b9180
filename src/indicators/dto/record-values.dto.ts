import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { REASON_CATEGORIES, ReasonCategory } from '../../audit/audit.types';
import { IsCalendarDate, IsDecimalValue, IsId, IsVersion } from '../../common/dto-decorators';
import { MAX_BATCH_ROWS } from '../use-cases/record-values.input';

/** One row of a batch: a new value, or (with id and version) a change to a stored one. */
export class ValueRowDto {
  @ApiPropertyOptional({ description: 'Your row number, which errors refer to (default: the position, from 1)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  row?: number;

  @ApiPropertyOptional({ description: 'A stored value to change' })
  @IsOptional()
  @IsId()
  id?: number;

  @IsVersion()
  version?: number;

  @IsId()
  indicatorId: number;

  @IsCalendarDate({ example: '2021-01-01' })
  periodStart: string;

  @IsCalendarDate({ example: '2021-12-31' })
  periodEnd: string;

  @ApiPropertyOptional({ description: 'Omit for the whole partnership' })
  @IsOptional()
  @IsId()
  partnerOrganisationId?: number;

  @ApiPropertyOptional({ example: 'gender' })
  @IsOptional()
  @IsString()
  @Length(1, 30)
  dimension?: string;

  @ApiPropertyOptional({ example: 'ženske' })
  @IsOptional()
  @IsString()
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
  @Length(0, 5000)
  comment?: string;
}

export class RecordValuesDto {
  @ApiProperty({ type: [ValueRowDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_ROWS)
  @ValidateNested({ each: true })
  @Type(() => ValueRowDto)
  rows: ValueRowDto[];

  @ApiPropertyOptional({ description: 'Check and answer what would happen; write nothing' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({ description: 'Why stored values change; required when a row changes one' })
  @IsOptional()
  @IsString()
  @Length(3, 2000)
  reason?: string;

  @ApiPropertyOptional({ enum: REASON_CATEGORIES })
  @IsOptional()
  @IsIn(REASON_CATEGORIES)
  reasonCategory?: ReasonCategory;

  @ApiPropertyOptional({ description: "A coordinator's correction of locked years (needs reason and reasonCategory)" })
  @IsOptional()
  @IsBoolean()
  correction?: boolean;

  @ApiPropertyOptional({ description: "Confirms partners' parts above the partnership's total, saying why" })
  @IsOptional()
  @IsString()
  @Length(3, 2000)
  partnerExcessReason?: string;
}

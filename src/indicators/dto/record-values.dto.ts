import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { REASON_CATEGORIES, ReasonCategory } from '../../audit/audit.types';
import { IsId, IsVersion } from '../../common/dto-decorators';
import { ValueFiguresDto, ValuePlaceDto } from './values.dto';
import { MAX_BATCH_ROWS } from '../use-cases/record-values.input';

/** Which row of the batch, and which value it changes (with id and version) or adds to which indicator. */
class ValueRowRefDto {
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
}

/** One row of a batch: a new value, or (with id and version) a change to a stored one; the same field rules as one value. */
export class ValueRowDto extends IntersectionType(ValueRowRefDto, ValuePlaceDto, ValueFiguresDto) {}

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

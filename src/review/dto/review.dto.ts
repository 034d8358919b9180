import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsId, IsReportingYear } from '../../common/dto-decorators';
import { SubmitReportDto } from '../../reports/dto/report.dto';

/** Which report: the year, and the contract when a renewal splits the year. */
export class ReportRefDto {
  @IsReportingYear()
  year: number;

  @ApiPropertyOptional({ description: 'The funding period (contract); the one the year is reported under by default' })
  @IsOptional()
  @Type(() => Number)
  @IsId()
  fundingPeriodId?: number;
}

export class PartReadyDto extends ReportRefDto {
  @ApiProperty({ description: 'The partner organisation whose part is ready' })
  @Type(() => Number)
  @IsId()
  organisationId: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class SubmitCycleDto extends SubmitReportDto {
  @ApiPropertyOptional({ description: 'Why the report goes before every partner part is ready' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  overrideReason?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ReviewDecisionDto extends ReportRefDto {
  @ApiProperty({ enum: ['return', 'approve'] })
  @IsIn(['return', 'approve'], { message: 'action must be return or approve' })
  action: 'return' | 'approve';

  @ApiPropertyOptional({ description: 'The reasons for returning (required), or a note on approval' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;
}

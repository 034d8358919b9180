import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsCalendarDate, IsId } from '../../common/dto-decorators';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** Which annual report: year, template and language (the template's own language by default). */
export class SubmitReportDto {
  @ApiProperty({ example: 2020 })
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole number, e.g. 2020' })
  @Min(1990)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ example: 'ess-kazalniki' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]*$/, { message: 'template must be a template id such as ess-kazalniki' })
  template?: string;

  @ApiPropertyOptional({ enum: ['sl', 'en'] })
  @IsOptional()
  @IsIn(['sl', 'en'], { message: 'lang must be sl or en' })
  lang?: 'sl' | 'en';

  @ApiPropertyOptional({ description: 'The funding period (contract), when a renewal splits the year between two' })
  @IsOptional()
  @Type(() => Number)
  @IsId()
  fundingPeriodId?: number;
}

export class ReportQueryDto extends SubmitReportDto {
  @ApiProperty({ enum: ['xlsx', 'pdf'] })
  @IsIn(['xlsx', 'pdf'], { message: 'format must be xlsx or pdf' })
  format: 'xlsx' | 'pdf';

  /** The report date: signature date and document dates; the same data and date give the same bytes. */
  @IsCalendarDate({ optional: true, example: '2021-01-15' })
  date?: string;

  /** For a submitted year: build from today's figures instead of serving the stored submission. */
  @ApiPropertyOptional({ description: 'true: build a submitted year from the current figures instead of serving the stored submission' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'current must be true or false' })
  current?: 'true' | 'false';
}

export class PortfolioQueryDto {
  @ApiProperty({ example: 2020 })
  @Type(() => Number)
  @IsInt()
  @Min(1990)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ example: 2022, description: 'Last year of a span; the first year alone by default' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1990)
  @Max(2100)
  toYear?: number;

  @ApiPropertyOptional({ enum: ['sl', 'en'] })
  @IsOptional()
  @IsIn(['sl', 'en'])
  lang?: 'sl' | 'en';
}

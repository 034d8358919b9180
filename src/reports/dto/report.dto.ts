import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsId } from '../../common/dto-decorators';
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

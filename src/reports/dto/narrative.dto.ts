import { IsId, IsVersion } from '../../common/dto-decorators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class PutNarrativeDto {
  @ApiPropertyOptional({ description: 'Result area; omit for the general part of the narrative report' })
  @IsOptional()
  @IsId()
  resultAreaId?: number;

  @ApiProperty({ example: 'V letu 2020 smo kljub epidemiji izvedli vse načrtovane delavnice.' })
  @IsString()
  @Length(1, 50000)
  text: string;

  @IsVersion()
  version?: number;
}

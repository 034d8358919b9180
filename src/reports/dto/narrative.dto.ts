import { IsId } from '../../common/dto-decorators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Min } from 'class-validator';

export class PutNarrativeDto {
  @ApiPropertyOptional({ description: 'Result area; omit for the general part of the narrative report' })
  @IsOptional()
  @IsId()
  resultAreaId?: number;

  @ApiProperty({ example: 'V letu 2020 smo kljub epidemiji izvedli vse načrtovane delavnice.' })
  @IsString()
  @Length(1, 50000)
  text: string;

  @ApiPropertyOptional({ description: 'Version of the text the change is based on; a newer stored version answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

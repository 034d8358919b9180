import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsPositive, IsString, Length } from 'class-validator';

export class PutNarrativeDto {
  @ApiPropertyOptional({ description: 'Result area; omit for the general part of the narrative report' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  resultAreaId?: number;

  @ApiProperty({ example: 'V letu 2020 smo kljub epidemiji izvedli vse načrtovane delavnice.' })
  @IsString()
  @Length(1, 50000)
  text: string;
}

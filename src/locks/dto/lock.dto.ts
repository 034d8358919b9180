import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class LockYearDto {
  @ApiProperty({ example: 2020 })
  @IsInt()
  @Min(1990)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ example: 'Letno poročilo oddano ministrstvu' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class UnlockYearDto {
  @ApiProperty({ example: 'Ministrstvo je vrnilo poročilo v dopolnitev' })
  @IsString()
  @Length(3, 2000, { message: 'reason must say why, in 3 to 2000 characters' })
  reason: string;
}

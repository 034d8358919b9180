import { IsId } from '../../common/dto-decorators';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { FUNDER_KINDS, FunderKind } from '../funder.entity';

export class CreateFunderDto {
  @ApiProperty({ example: 'MJU' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{0,29}$/, { message: 'code must be 1–30 capital letters, digits or dashes' })
  code: string;

  @ApiProperty({ example: 'Ministrstvo za javno upravo' })
  @IsString()
  @Length(1, 300)
  name: string;

  @ApiProperty({ enum: FUNDER_KINDS })
  @IsIn(FUNDER_KINDS, { message: `kind must be one of: ${FUNDER_KINDS.join(', ')}` })
  kind: FunderKind;
}

export class UpdateFunderDto extends PartialType(CreateFunderDto) {}

export class CreatePublicCallDto {
  @ApiProperty()
  @IsId()
  funderId: number;

  @ApiProperty({ example: 'Javni razpis za podporno okolje za razvoj nevladnih organizacij 2019–2023' })
  @IsString()
  @Length(1, 500)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  reference?: string;
}

export class UpdatePublicCallDto extends PartialType(CreatePublicCallDto) {}

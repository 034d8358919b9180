import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ORGANISATION_KINDS, OrganisationKind } from '../organisation.entity';

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Društvo NOVUS' })
  @IsString()
  @Length(1, 300)
  name: string;

  @ApiPropertyOptional({ example: 'NOVUS' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  shortName?: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS, { message: `kind must be one of: ${ORGANISATION_KINDS.join(', ')}` })
  kind: OrganisationKind;

  @ApiPropertyOptional({ description: 'Matična številka (7 or 10 digits)', example: '1234567000' })
  @IsOptional()
  @Matches(/^\d{7}(\d{3})?$/, { message: 'registrationNumber must be 7 or 10 digits' })
  registrationNumber?: string;

  @ApiPropertyOptional({ example: 'Velenje' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  place?: string;
}

export class UpdateOrganisationDto extends PartialType(CreateOrganisationDto) {}

import { IsId } from '../../common/dto-decorators';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { Nullable } from '../../common/nullable';
import { Role, ROLES } from '../../auth/actor';

/** Long enough to resist guessing once the login throttle has slowed an attacker down (NIST 800-63B). */
export const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_MAX_LENGTH = 200;
const MAX_ASSIGNMENTS = 1000;

const trimLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const roleMessage = `role must be one of: ${ROLES.join(', ')}`;
const passwordMessage = `password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long`;

export class CreateUserDto {
  @ApiProperty({ example: 'mnovak', description: '3–50 of a-z, 0-9, ".", "_", "-"; stored in lower case' })
  @Transform(trimLower)
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,49}$/, { message: 'username must be 3 to 50 characters of a-z, 0-9, ".", "_" or "-", starting with a letter or digit' })
  username: string;

  @ApiProperty({ example: 'Maja Novak' })
  @IsString()
  @Length(1, 200)
  displayName: string;

  @ApiProperty({ format: 'password', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, writeOnly: true })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, { message: passwordMessage })
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: roleMessage })
  role: Role;

  @ApiPropertyOptional({ type: [Number], description: 'Projects of a project manager or an auditor' })
  @IsOptional()
  @IsIdList()
  projectIds?: number[];

  @ApiPropertyOptional({ type: [Number], description: 'Organisations a coordinator coordinates' })
  @IsOptional()
  @IsIdList()
  organisationIds?: number[];
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: roleMessage })
  role?: Role;

  @ApiPropertyOptional({ example: 'Maja Novak' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  displayName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ format: 'password', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, writeOnly: true })
  @IsOptional()
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, { message: passwordMessage })
  password?: string;
}

export class SetProjectsDto {
  @ApiProperty({ type: [Number], example: [1, 2] })
  @IsIdList()
  projectIds: number[];
}

export class SetOrganisationsDto {
  @ApiProperty({ type: [Number], example: [1] })
  @IsIdList()
  organisationIds: number[];
}

/** One funder a reviewer oversees: all its contracts, or those of one of its public calls. */
export class FunderScopeDto {
  @ApiProperty({ example: 1 })
  @IsId()
  funderId: number;

  @ApiPropertyOptional({ nullable: true, description: 'One public call of that funder; omit or null for all its contracts' })
  @Nullable()
  @IsOptional()
  @IsId()
  publicCallId?: number | null;
}

export class SetFundersDto {
  @ApiProperty({ type: [FunderScopeDto] })
  @IsArray()
  @ArrayMaxSize(MAX_ASSIGNMENTS)
  @ValidateNested({ each: true })
  @Type(() => FunderScopeDto)
  funders: FunderScopeDto[];
}

/** A list of distinct positive ids. */
function IsIdList(): PropertyDecorator {
  return applyDecorators(IsArray(), ArrayMaxSize(MAX_ASSIGNMENTS), ArrayUnique(), IsId({ each: true }));
}

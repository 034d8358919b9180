import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Only lengths are checked: the rules for a valid password belong to setting one, not to logging in. */
export class LoginDto {
  @ApiProperty({ example: 'vodja' })
  @IsString()
  @Length(1, 100)
  username: string;

  @ApiProperty({ format: 'password', example: 'kazalnik-demo' })
  @IsString()
  @Length(1, 200)
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the token expires. */
  expiresIn: number;
  user: { username: string; displayName: string; role: string };
}

import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { Requires } from '../access/requires.decorator';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Actor, CurrentActor } from './actor';
import { clearTokenCookie, clientAddress, setTokenCookie } from './auth-cookie';
import { TooManyLoginAttemptsError } from './auth.errors';
import { AuthService } from './auth.service';
import type { AuthenticatedRequest } from './auth.guard';
import { LoginDto, LoginResponse } from './dto/login.dto';
import { Public } from './roles.decorator';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  private readonly production: boolean;

  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.production = config.env === 'production';
  }

  /** Answers the token and also sets it as an HttpOnly cookie for the web pages. */
  @Post('login')
  @Public()
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    try {
      const result = await this.auth.login(dto.username, dto.password, clientAddress(req));
      setTokenCookie(res, result.accessToken, result.expiresIn, this.production);
      return result;
    } catch (error) {
      if (error instanceof TooManyLoginAttemptsError) res.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @Post('logout')
  @Requires('session.own')
  @ApiBearerAuth()
  @HttpCode(204)
  async logout(@CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(actor, req.token!, clientAddress(req));
    clearTokenCookie(res, this.production);
  }

  @Get('me')
  @Requires('session.own')
  @ApiBearerAuth()
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }
}

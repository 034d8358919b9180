import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ForbiddenError } from '../common/errors';
import { UsersRepository } from '../users/users.repository';
import { AccessTokens, VerifiedToken } from './access-tokens';
import { Actor, Role } from './actor';
import { UnauthenticatedError } from './auth.errors';
import { tokenFromRequest } from './auth-cookie';
import { actorOf } from './auth.service';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import { TOKEN_REVOCATIONS, TokenRevocations } from './token-revocations';

/** The request as the guard leaves it: the actor, and the token it came with (for logout). */
export type AuthenticatedRequest = Request & { user?: Actor; token?: VerifiedToken };

/**
 * The global guard. A route runs only if it is `@Public()`, or if the caller has a valid token
 * and one of the route's `@Roles(...)`. A route that declares neither is refused for everyone and
 * reported, so a forgotten rule fails closed; the route-matrix test fails on it before that.
 *
 * The user is read on every request, and the token must be neither revoked (logout) nor older than
 * the user's token version: deactivation, a role change or a new password take effect at once
 * instead of when the token expires.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly users: UsersRepository,
    @Inject(TOKEN_REVOCATIONS) private readonly revocations: TokenRevocations,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (isPublic && !roles) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!roles || isPublic) {
      // Fails closed: no rule, or two contradicting ones.
      this.logger.error(
        `${request.method} ${request.path} (${context.getClass().name}.${context.getHandler().name}) declares ${isPublic ? 'both @Public and @Roles' : 'neither @Roles nor @Public'}: refused`,
      );
      throw new ForbiddenError('This route has no access rule');
    }
    const actor = await this.authenticate(request);
    if (!roles.includes(actor.role)) throw new ForbiddenError(`This action is not available to the role ${actor.role}`);
    request.user = actor;
    return true;
  }

  private async authenticate(request: AuthenticatedRequest): Promise<Actor> {
    const token = tokenFromRequest(request);
    if (!token) throw new UnauthenticatedError('Authentication required');
    const claims = await this.tokens.verify(token);
    const user = claims ? await this.users.findById(claims.userId) : null;
    if (!claims || !user || !user.active || claims.version !== user.tokenVersion || (await this.revocations.isRevoked(claims.jti))) {
      throw new UnauthenticatedError('Invalid or expired token; log in again');
    }
    request.token = claims;
    return actorOf(user);
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { AccessPolicy } from '../access/access-policy';
import type { Permission } from '../access/permissions';
import { AuditService } from '../audit/audit.service';
import { truncateCodePoints } from '../common/text/well-formed';
import { Transactions } from '../database/transactions';
import type { User } from '../users/entities/user.entity';
import { normaliseUsername, UsersRepository } from '../users/users.repository';
import { AccessTokens, VerifiedToken } from './access-tokens';
import { Actor, Role } from './actor';
import { INVALID_CREDENTIALS, TooManyLoginAttemptsError, UnauthenticatedError } from './auth.errors';
import { LoginResponse } from './dto/login.dto';
import { LoginThrottle } from './login-throttle';
import { dummyPasswordHash, verifyPassword } from './password-hasher';
import { TOKEN_REVOCATIONS, TokenRevocations } from './token-revocations';

export const LOGIN_THROTTLE = Symbol('LOGIN_THROTTLE');

/**
 * Role recorded for the actor of a failed login: nobody is authenticated, so no real role applies.
 * The audit column is free text; `Role` leaves it out because no request ever runs with it.
 */
const UNAUTHENTICATED_ROLE = 'anonymous' as Role;

type FailureReason = 'unknown user' | 'wrong password' | 'inactive user';

/** Logging in and out. The password is never logged, stored or put in an audit entry. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: AccessTokens,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
    @Inject(LOGIN_THROTTLE) private readonly throttle: LoginThrottle,
    @Inject(TOKEN_REVOCATIONS) private readonly revocations: TokenRevocations,
  ) {}

  async login(rawUsername: string, password: string, ip: string): Promise<LoginResponse> {
    const username = truncateCodePoints(normaliseUsername(rawUsername), 100);
    const wait = await this.throttle.begin(username, ip);
    if (wait > 0) {
      this.logger.warn(`Login for ${JSON.stringify(username)} from ${ip} refused: too many failed attempts`);
      throw new TooManyLoginAttemptsError(wait);
    }
    let user: User | null;
    let failure: FailureReason | null;
    try {
      user = await this.users.findByUsername(username);
      // An unknown user is checked against a dummy hash, so both answers take equally long.
      const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
      failure = !user ? 'unknown user' : !passwordOk ? 'wrong password' : !user.active ? 'inactive user' : null;
    } catch (error) {
      await this.throttle.fail(username, ip);
      throw error;
    }
    if (failure || !user) {
      await this.throttle.fail(username, ip);
      await this.recordFailure(username, user, failure ?? 'unknown user', ip);
      throw new UnauthenticatedError(INVALID_CREDENTIALS);
    }
    await this.throttle.succeed(username, ip);
    const actor = actorOf(user);
    await this.transactions.run((em) =>
      this.audit.record(em, { actor, action: 'login', entityType: 'user', entityId: user.id, after: { ip } }),
    );
    this.logger.log(`${user.username} logged in from ${ip}`);
    return {
      accessToken: await this.tokens.issue(user),
      tokenType: 'Bearer',
      expiresIn: this.tokens.lifetimeSeconds,
      user: { username: user.username, displayName: user.displayName, role: user.role },
    };
  }

  /** Ends the token the request came with, everywhere, before it expires. */
  async logout(actor: Actor, token: VerifiedToken, ip: string): Promise<void> {
    await this.revocations.revoke(token.jti, token.expiresAt);
    await this.transactions.run((em) =>
      this.audit.record(em, { actor, action: 'logout', entityType: 'user', entityId: actor.userId ?? actor.username, after: { ip } }),
    );
  }

  /** Who the actor is and what they may do in general; the pages show and hide by these permissions. */
  async me(actor: Actor): Promise<{ id: number | null; username: string; displayName: string; role: Role; permissions: Permission[] }> {
    const user = actor.userId === null ? null : await this.users.findById(actor.userId);
    const permissions = await this.access.permissionsFor(actor);
    return { id: actor.userId, username: actor.username, displayName: user?.displayName ?? actor.username, role: actor.role, permissions };
  }

  /** The attempted username is recorded (it is what an investigation needs), the password never. */
  private async recordFailure(username: string, user: User | null, reason: FailureReason, ip: string): Promise<void> {
    this.logger.warn(`Failed login for ${JSON.stringify(username)} from ${ip}: ${reason}`);
    const actor: Actor = { userId: null, username, role: UNAUTHENTICATED_ROLE };
    await this.transactions.run((em) =>
      this.audit.record(em, {
        actor,
        action: 'login_failed',
        entityType: 'user',
        entityId: user?.id ?? username,
        after: { username, reason, ip },
      }),
    );
  }
}

export function actorOf(user: User): Actor {
  return { userId: user.id, username: user.username, role: user.role };
}

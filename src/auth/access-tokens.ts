import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { User } from '../users/entities/user.entity';

/**
 * What a token carries: who (`sub`) and a fingerprint of the password hash (`pwd`). Role and
 * active flag are read from the database on every request, so changing them takes effect at once;
 * the fingerprint makes a password change end every session opened with the old password.
 */
export interface TokenClaims {
  sub: string;
  pwd: string;
}

export const TOKEN_ALGORITHM = 'HS256';

/** Signs and checks the short-lived access tokens (HS256, lifetime from TOKEN_TTL_SECONDS). */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get lifetimeSeconds(): number {
    return this.config.tokenTtlSeconds;
  }

  issue(user: User): Promise<string> {
    const claims: TokenClaims = { sub: String(user.id), pwd: passwordFingerprint(user.passwordHash) };
    return this.jwt.signAsync(claims, { algorithm: TOKEN_ALGORITHM, expiresIn: this.config.tokenTtlSeconds });
  }

  /** The claims of a valid token, or null for an expired, forged or malformed one. */
  async verify(token: string): Promise<{ userId: number; pwd: string } | null> {
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: [TOKEN_ALGORITHM] });
      const userId = Number(claims.sub);
      if (!Number.isSafeInteger(userId) || typeof claims.pwd !== 'string') return null;
      return { userId, pwd: claims.pwd };
    } catch {
      return null;
    }
  }

  /** Whether a token's fingerprint still matches the user's current password. */
  matchesPassword(pwd: string, user: User): boolean {
    return pwd === passwordFingerprint(user.passwordHash);
  }
}

/** A short digest of the salted hash: reveals nothing about the password, changes with it. */
function passwordFingerprint(passwordHash: string): string {
  return createHash('sha256').update(passwordHash).digest('base64url').slice(0, 16);
}

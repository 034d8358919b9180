import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { User } from '../users/entities/user.entity';

/**
 * What a token carries: who (`sub`), the user's token version when it was issued (`ver`), its own
 * id (`jti`) and expiry (`exp`). Role and active flag are read from the database on every
 * request; `ver` ends every token issued before a deactivation, role or password change; `jti`
 * lets logout end this one token (see token-revocations.ts).
 */
export interface TokenClaims {
  sub: string;
  ver: number;
  jti: string;
  exp: number;
}

/** A checked token: whose it is and what revocation needs to know about it. */
export interface VerifiedToken {
  userId: number;
  version: number;
  jti: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

export const TOKEN_ALGORITHM = 'HS256';

/** How many checked tokens the verifier remembers (the oldest is forgotten first). */
const CHECKED_TOKENS = 2_000;

/** Signs and checks the short-lived access tokens (HS256, lifetime from TOKEN_TTL_SECONDS). */
@Injectable()
export class AccessTokens {
  /** Tokens already checked, by their exact text (see verify). */
  private readonly checked = new Map<string, VerifiedToken>();

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get lifetimeSeconds(): number {
    return this.config.tokenTtlSeconds;
  }

  issue(user: User): Promise<string> {
    const claims: Omit<TokenClaims, 'exp'> = { sub: String(user.id), ver: user.tokenVersion, jti: randomUUID() };
    return this.jwt.signAsync(claims, { algorithm: TOKEN_ALGORITHM, expiresIn: this.config.tokenTtlSeconds });
  }

  /**
   * The claims of a valid token, or null for an expired, forged or malformed one, and for one
   * without an expiry or an id: such a token could never be ended.
   *
   * A token's signature and claims are checked once; the verifier then remembers the exact token
   * text with its claims, and a later request with the same text is only checked for expiry (the
   * signature of the same bytes under the same secret cannot change). This is a cache of the
   * check, not of the answer: revocation and the user's token version are asked on every request
   * by the guard, as before.
   */
  async verify(token: string): Promise<VerifiedToken | null> {
    const known = this.checked.get(token);
    if (known) {
      if (Date.now() / 1000 < known.expiresAt) return known;
      this.checked.delete(token);
      return null;
    }
    const verified = await this.check(token);
    if (verified) {
      if (this.checked.size >= CHECKED_TOKENS) this.checked.delete(this.checked.keys().next().value!);
      this.checked.set(token, verified);
    }
    return verified;
  }

  private async check(token: string): Promise<VerifiedToken | null> {
    try {
      const claims = await this.jwt.verifyAsync<Partial<TokenClaims>>(token, { algorithms: [TOKEN_ALGORITHM] });
      const userId = Number(claims.sub);
      if (!Number.isSafeInteger(userId) || typeof claims.sub !== 'string') return null;
      if (!Number.isSafeInteger(claims.ver) || typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) return null;
      if (typeof claims.jti !== 'string' || claims.jti.length === 0 || claims.jti.length > 64) return null;
      return Object.freeze({ userId, version: claims.ver!, jti: claims.jti, expiresAt: claims.exp });
    } catch {
      return null;
    }
  }
}

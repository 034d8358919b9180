/**
 * Which login tokens have ended before their `exp`. One interface so that several app instances
 * can share it: the database-backed implementation (DatabaseTokenRevocations) now, a shared cache
 * (Redis) later, bound to TOKEN_REVOCATIONS in AuthModule.
 *
 * Two ways a token ends early:
 * - one token: logout revokes its id (`jti`) until the moment it would have expired anyway;
 * - all of a user's tokens: deactivation, a role change or a new password raise the user's
 *   `tokenVersion` in the same transaction as the change (UsersRepository.update), and a token
 *   carrying an older version is refused. Reactivating a user therefore revives nothing.
 */
export interface TokenRevocations {
  /** Ends the token `jti`; `expiresAt` (seconds since the epoch) says how long to remember it. */
  revoke(jti: string, expiresAt: number): Promise<void>;
  isRevoked(jti: string): Promise<boolean>;
}

export const TOKEN_REVOCATIONS = Symbol('TOKEN_REVOCATIONS');

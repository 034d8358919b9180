import type Redis from 'ioredis';
import { TokenRevocations } from './token-revocations';

/**
 * Revoked token ids in Redis (when REDIS_URL is set): every instance sees a logout at once, and
 * each id is forgotten by Redis itself when the token would have expired anyway.
 */
export class RedisTokenRevocations implements TokenRevocations {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'kazalnik:revoked:',
  ) {}

  async revoke(jti: string, expiresAt: number): Promise<void> {
    // At least one second, so a token expiring this very moment is still refused until it has.
    const seconds = Math.max(1, Math.ceil(expiresAt - Date.now() / 1000));
    await this.redis.set(this.prefix + jti, '1', 'EX', seconds);
  }

  async isRevoked(jti: string): Promise<boolean> {
    return (await this.redis.exists(this.prefix + jti)) === 1;
  }
}

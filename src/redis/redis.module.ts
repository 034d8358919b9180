import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/** The shared Redis connection, or null when REDIS_URL is not set (one instance, all in-process). */
export const REDIS = Symbol('REDIS');

/** A connection that fails fast instead of queueing commands while Redis is away. */
export function connectRedis(url: string, options: { forQueue?: boolean } = {}): Redis {
  return new Redis(url, {
    // BullMQ's blocking commands must wait as long as they need; everything else answers in time or fails.
    maxRetriesPerRequest: options.forQueue ? null : 2,
    enableOfflineQueue: options.forQueue ?? false,
    lazyConnect: false,
  });
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<Redis | null> => {
        if (!config.redisUrl) return null;
        const redis = connectRedis(config.redisUrl);
        redis.on('error', (error: Error) => new Logger('Redis').warn(error.message));
        // Start only once Redis answers: an instance that cannot share the throttle must not serve logins.
        await new Promise<void>((resolve, reject) => {
          redis.once('ready', () => resolve());
          redis.once('end', () => reject(new Error(`Redis at ${config.redisUrl} is not reachable`)));
          setTimeout(() => reject(new Error(`Redis at ${config.redisUrl} did not answer within 10 s`)), 10_000).unref();
        });
        return redis;
      },
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}

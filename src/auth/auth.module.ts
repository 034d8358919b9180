import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { UsersModule } from '../users/users.module';
import { AccessTokens, TOKEN_ALGORITHM } from './access-tokens';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService, LOGIN_THROTTLE } from './auth.service';
import { DatabaseTokenRevocations } from './database-token-revocations';
import { MemoryLoginThrottle } from './login-throttle';
import { RedisLoginThrottle } from './redis-login-throttle';
import { RedisTokenRevocations } from './redis-token-revocations';
import { REDIS } from '../redis/redis.module';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { RouteRulesCheck } from './route-rules.check';
import { TOKEN_REVOCATIONS } from './token-revocations';
import { resolveTokenSecret } from './token-secret';

/**
 * Login and the global guard. Creating the module fails in production without TOKEN_SECRET.
 */
@Global()
@Module({
  imports: [
    DiscoveryModule,
    UsersModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A key object, made once: given a string, jsonwebtoken first tries it as a public key
        // (and throws) on every sign and verify, which cost a fifth of a value write's time.
        secret: createSecretKey(Buffer.from(resolveTokenSecret(config))) as unknown as string,
        signOptions: { algorithm: TOKEN_ALGORITHM },
        verifyOptions: { algorithms: [TOKEN_ALGORITHM] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    // With REDIS_URL every instance shares the throttle and the revocations; without, one instance keeps them.
    { provide: LOGIN_THROTTLE, inject: [REDIS], useFactory: (redis: Redis | null) => (redis ? new RedisLoginThrottle(redis) : new MemoryLoginThrottle()) },
    {
      provide: TOKEN_REVOCATIONS,
      inject: [REDIS, DataSource],
      useFactory: (redis: Redis | null, dataSource: DataSource) => (redis ? new RedisTokenRevocations(redis) : new DatabaseTokenRevocations(dataSource)),
    },
    AccessTokens,
    AuthService,
    RouteRulesCheck,
  ],
  exports: [],
})
export class AuthModule {}

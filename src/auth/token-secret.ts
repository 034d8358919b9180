import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AppConfig, ConfigError } from '../config/app-config';

const logger = new Logger('TokenSecret');

/**
 * The key that signs access tokens. Production refuses to start without TOKEN_SECRET: a generated
 * key would differ per instance and per restart, silently logging everyone out. Elsewhere a random
 * key is generated, with a warning, so development and tests need no setup.
 */
export function resolveTokenSecret(config: AppConfig): string {
  if (config.tokenSecret) return config.tokenSecret;
  if (config.env === 'production') {
    throw new ConfigError(
      'TOKEN_SECRET is not set: in production the service needs a secret of at least 32 characters to sign access tokens (e.g. `openssl rand -base64 48`)',
    );
  }
  logger.warn('TOKEN_SECRET is not set: using a random secret for this run; tokens will not survive a restart');
  return randomBytes(48).toString('base64');
}

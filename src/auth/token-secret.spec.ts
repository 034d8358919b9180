import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '../config/app-config';
import { resolveTokenSecret } from './token-secret';

const SECRET = 'a-secret-of-at-least-thirty-two-characters!';

describe('resolveTokenSecret', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('refuses to start in production without TOKEN_SECRET, naming the variable', () => {
    const config = loadConfig({ NODE_ENV: 'production' });
    expect(() => resolveTokenSecret(config)).toThrow(ConfigError);
    expect(() => resolveTokenSecret(config)).toThrow(/TOKEN_SECRET/);
  });

  it('uses TOKEN_SECRET in production when it is set', () => {
    expect(resolveTokenSecret(loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: SECRET }))).toBe(SECRET);
  });

  it('generates a random secret outside production and warns about it', () => {
    const config = loadConfig({ NODE_ENV: 'development' });
    const first = resolveTokenSecret(config);
    expect(first).not.toBe(resolveTokenSecret(config));
    expect(first.length).toBeGreaterThanOrEqual(64);
    expect(Logger.prototype.warn).toHaveBeenCalledWith(expect.stringContaining('TOKEN_SECRET is not set'));
  });

  it('refuses a TOKEN_SECRET shorter than 32 characters already when the configuration is read', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: 'short' })).toThrow(/TOKEN_SECRET must be at least 32 characters/);
  });
});

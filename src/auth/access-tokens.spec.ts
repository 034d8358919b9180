import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { AccessTokens } from './access-tokens';
import type { User } from '../users/entities/user.entity';

describe('AccessTokens', () => {
  const secret = 'spec-secret-spec-secret-spec-secret-0123';
  const user = { id: 7, tokenVersion: 3 } as User;
  const tokensWith = (ttl: number, key = secret) =>
    new AccessTokens(new JwtService({ secret: key }), { tokenTtlSeconds: ttl } as AppConfig);

  afterEach(() => jest.restoreAllMocks());

  it('answers the claims of its own token, the second time from what it remembers', async () => {
    const tokens = tokensWith(600);
    const token = await tokens.issue(user);
    const first = await tokens.verify(token);
    expect(first).toEqual({ userId: 7, version: 3, jti: expect.any(String), expiresAt: expect.any(Number) });
    expect(await tokens.verify(token)).toEqual(first);
  });

  it('refuses a remembered token once it has expired, as the first check would', async () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-03-01T10:00:00Z'));
    const tokens = tokensWith(60);
    const token = await tokens.issue(user);
    expect(await tokens.verify(token)).not.toBeNull();
    now.mockReturnValue(Date.parse('2026-03-01T10:00:59.999Z'));
    expect(await tokens.verify(token)).not.toBeNull();
    now.mockReturnValue(Date.parse('2026-03-01T10:01:00Z'));
    expect(await tokens.verify(token)).toBeNull();
    expect(await tokensWith(60).verify(token)).toBeNull();
  });

  it('remembers only the exact text it checked: a token with another signature is checked, and refused', async () => {
    const tokens = tokensWith(600);
    const token = await tokens.issue(user);
    expect(await tokens.verify(token)).not.toBeNull();
    const [header, payload] = token.split('.');
    const forged = await tokensWith(600, 'another-secret-another-secret-another-0').issue(user);
    expect(await tokens.verify(`${header}.${payload}.${forged.split('.')[2]}`)).toBeNull();
    expect(await tokens.verify(`${token}x`)).toBeNull();
    expect(await tokens.verify(token)).not.toBeNull();
  });

  it('forgets the oldest tokens beyond its bound and still checks them when they come back', async () => {
    const tokens = tokensWith(600);
    const first = await tokens.issue(user);
    expect(await tokens.verify(first)).not.toBeNull();
    for (let i = 0; i < 2_000; i++) await tokens.verify(await tokens.issue(user));
    expect((tokens as unknown as { checked: Map<string, unknown> }).checked.size).toBe(2_000);
    expect((tokens as unknown as { checked: Map<string, unknown> }).checked.has(first)).toBe(false);
    expect(await tokens.verify(first)).not.toBeNull();
  });
});

import { dummyPasswordHash, hashPassword, ScryptParams, verifyPassword } from './password-hasher';

/** Cheap parameters keep the suite fast; the format and the comparison are the same. */
const FAST: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

describe('password hasher', () => {
  it('verifies the password it hashed', async () => {
    const stored = await hashPassword('kazalnik-demo', FAST);
    await expect(verifyPassword('kazalnik-demo', stored)).resolves.toBe(true);
  });

  it('refuses a different password', async () => {
    const stored = await hashPassword('kazalnik-demo', FAST);
    await expect(verifyPassword('kazalnik-demo ', stored)).resolves.toBe(false);
  });

  it('encodes the parameters, the salt and the key in the stored string', async () => {
    const stored = await hashPassword('kazalnik-demo', FAST);
    expect(stored).toMatch(/^scrypt\$N=1024,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
  });

  it('never contains the password in clear', async () => {
    const stored = await hashPassword('kazalnik-demo', FAST);
    expect(stored).not.toContain('kazalnik');
  });

  it('salts every hash, so equal passwords give different strings', async () => {
    const [a, b] = await Promise.all([hashPassword('kazalnik-demo', FAST), hashPassword('kazalnik-demo', FAST)]);
    expect(a).not.toBe(b);
  });

  it('verifies with the parameters stored in the hash, not the current defaults', async () => {
    const stored = await hashPassword('geslo-z-šumniki-čćž', { N: 2 ** 11, r: 4, p: 2 });
    await expect(verifyPassword('geslo-z-šumniki-čćž', stored)).resolves.toBe(true);
  });

  it('treats composed and decomposed Unicode forms of a password as the same', async () => {
    const stored = await hashPassword('\u010d', FAST);
    await expect(verifyPassword('c\u030c', stored)).resolves.toBe(true);
  });

  it('uses N=2^15, r=8, p=1 by default', async () => {
    await expect(hashPassword('kazalnik-demo')).resolves.toMatch(/^scrypt\$N=32768,r=8,p=1\$/);
  });

  it.each([
    ['an empty string', ''],
    ['a bcrypt hash', '$2b$10$abcdefghijklmnopqrstuv'],
    ['a hash with N not a power of two', 'scrypt$N=1000,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    ['a hash asking for 2^24 memory cost', 'scrypt$N=16777216,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
  ])('answers false, without throwing, for %s', async (_label, stored) => {
    await expect(verifyPassword('kazalnik-demo', stored)).resolves.toBe(false);
  });

  it('has a dummy hash that no guessable password matches', async () => {
    const stored = await dummyPasswordHash();
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });
});

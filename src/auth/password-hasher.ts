import { randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with Node's scrypt. The stored string carries everything needed to verify it,
 * so the cost can be raised later without invalidating existing hashes:
 *
 *   scrypt$N=32768,r=8,p=1$<salt, base64>$<key, base64>
 *
 * N=2^15, r=8 uses 32 MiB per hash; OWASP's first choice, N=2^17, took about 2 s on the development
 * machine and would block one of libuv's four pool threads that long on every login. Raise it here
 * when the hardware allows: new and changed passwords get the new cost, old hashes still verify.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const FORMAT = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;
/** Upper bounds on parameters read back from storage, so a tampered row cannot exhaust memory. */
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, KEY_LENGTH, params);
  return `scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** True when `password` matches `stored`; false for a wrong password and for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.key.length, parsed.params);
  return timingSafeEqual(key, parsed.key);
}

let dummyHash: Promise<string> | null = null;

/**
 * A valid hash of a random password, for verifying against when the username is unknown: the
 * answer then takes as long as for a known user, so timing does not reveal which usernames exist.
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

function parse(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const match = FORMAT.exec(stored);
  if (!match) return null;
  const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const powerOfTwo = N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > MAX_N || r < 1 || r > MAX_R || p < 1 || p > MAX_P) return null;
  const key = Buffer.from(match[5], 'base64');
  if (key.length < 16) return null;
  return { params: { N, r, p }, salt: Buffer.from(match[4], 'base64'), key };
}

function derive(password: string, salt: Buffer, length: number, params: ScryptParams): Promise<Buffer> {
  // scrypt needs about 128 * N * r bytes; Node's default ceiling (32 MiB) is exactly N=2^15, r=8.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

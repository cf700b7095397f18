import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt, the memory-hard KDF built into Node (no native add-on to compile).
 * N = 2^15, r = 8 → 32 MiB and ~60–100 ms per hash on this class of machine: expensive for an
 * attacker with a stolen table, cheap enough for sign-ins. The parameters are stored with each hash
 * so they can be raised later without invalidating existing passwords.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

let dummyHash: Promise<string> | undefined;
/** A hash of a password nobody knows: sign-ins for unknown accounts spend the same time as real ones. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

/**
 * The console's password policy: long enough to resist guessing, no composition rules (NIST SP 800-63B).
 * Returns the reason a password is refused, or undefined.
 */
export function passwordProblem(password: string, username: string): string | undefined {
  if (password.length < 12) return 'must be at least 12 characters';
  if (password.length > 256) return 'must be at most 256 characters';
  if (password.toLowerCase().includes(username.toLowerCase())) return 'must not contain the username';
  return undefined;
}

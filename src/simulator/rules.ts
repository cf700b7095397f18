/**
 * Rules the service applies beyond what a request schema can say on its own: cross-field checks,
 * checks against stored state, and a second line for documented constraints (the simulator must
 * refuse a bad body even from a client that skipped the contract, e.g. an SDK or curl).
 */

/** Cluster name and alias: 4–128 characters, lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen (§4.3). */
export const CLUSTER_NAME_PATTERN = /^[a-z][a-z0-9-]{2,126}[a-z0-9]$/;

export const DESCRIPTION_MAX = 200;
/**
 * Characters a description may not contain (OP4): `` ~ $ % ^ & * < > [ ] { } ( ) ' " # \ ``. The
 * reference prints the list with ambiguous escaping (§9.3); the backslash is included, the backtick is not.
 */
export const DESCRIPTION_FORBIDDEN = /[~$%^&*<>[\]{}()'"#\\]/;

export const MAX_TAGS_PER_CLUSTER = 20;
export const TAG_KEY_MAX = 128;
export const TAG_VALUE_MAX = 255;
/**
 * Tag characters: letters and digits in any script, spaces, and the special characters of any of the
 * reference's tag tables (they differ per table, quirk 12: `_./=-+@`, `_.:;/=+-@`, `_:=+-@`, `_.:=/+-@`).
 * Accepting their union means a tag valid by any table is accepted; everything else is refused.
 */
export const TAG_CHARS = /^[\p{L}\p{N} _.:;/=+\-@]*$/u;

export function tagKeyProblem(key: string): string | undefined {
  if (key.length === 0) return 'must not be empty';
  if (key.length > TAG_KEY_MAX) return `must be at most ${TAG_KEY_MAX} characters`;
  if (key !== key.trim()) return 'must not start or end with a space';
  if (key.startsWith('_sys_')) return 'must not start with _sys_';
  if (!TAG_CHARS.test(key)) return 'may contain only letters, digits, spaces and _ . : ; / = + - @';
  return undefined;
}

export function tagValueProblem(value: string): string | undefined {
  if (value.length > TAG_VALUE_MAX) return `must be at most ${TAG_VALUE_MAX} characters`;
  if (!TAG_CHARS.test(value)) return 'may contain only letters, digits, spaces and _ . : ; / = + - @';
  return undefined;
}

export interface Cidr {
  /** Network address as a 32-bit unsigned integer. */
  base: number;
  prefix: number;
}

/** Parses `a.b.c.d/n` (strict: no leading zeros, host bits must be zero); null when malformed. */
export function parseCidr(text: string): Cidr | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!m) return null;
  const octets = m.slice(1, 5).map((o) => (o.length > 1 && o.startsWith('0') ? NaN : Number(o)));
  const prefix = Number(m[5]);
  if (octets.some((o) => !(o >= 0 && o <= 255)) || prefix > 32) return null;
  const base = ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  if ((base & mask) >>> 0 !== base) return null;
  return { base, prefix };
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  const prefix = Math.min(a.prefix, b.prefix);
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return (a.base & mask) >>> 0 === (b.base & mask) >>> 0;
}

/** Private ranges (RFC 1918) a service CIDR must lie in. */
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((c) => parseCidr(c)!);

export function isPrivateCidr(c: Cidr): boolean {
  return PRIVATE_RANGES.some((r) => c.prefix >= r.prefix && cidrsOverlap(c, r));
}

/** Days from `nowMs` to the same calendar day five years later: 1826 or 1827 depending on leap days (OP6). */
export function maxCertificateDays(nowMs: number): number {
  const now = new Date(nowMs);
  const later = Date.UTC(now.getUTCFullYear() + 5, now.getUTCMonth(), now.getUTCDate());
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((later - today) / 86_400_000);
}

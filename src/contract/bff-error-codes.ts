/**
 * Every code the BFF itself puts in an error envelope (upstream errors keep the upstream's own code,
 * `CCE.…`/`APIGW.…`). The SPA and the tests branch on these, so they are one list here: a code not in
 * it cannot be raised, matched or faked.
 */
export const BFF_ERROR_CODES = [
  'BFF.BAD_REQUEST',
  'BFF.NON_CANONICAL_URL',
  'BFF.HOST_NOT_ALLOWED',
  'BFF.REQUEST_TIMEOUT',
  'BFF.CROSS_SITE_REQUEST',
  'BFF.CSRF',
  'BFF.UNAUTHENTICATED',
  'BFF.FORBIDDEN',
  'BFF.FOREIGN_PROJECT',
  'BFF.NOT_FOUND',
  'BFF.METHOD_NOT_ALLOWED',
  'BFF.UNSUPPORTED_MEDIA_TYPE',
  'BFF.PAYLOAD_TOO_LARGE',
  'BFF.RATE_LIMITED',
  'BFF.INVALID_CREDENTIALS',
  'BFF.TOO_MANY_ATTEMPTS',
  'BFF.ACCOUNT_DISABLED',
  'BFF.ACCOUNT_EXISTS',
  'BFF.SELF_LOCKOUT',
  'BFF.UPSTREAM_ERROR',
  'BFF.UPSTREAM_TIMEOUT',
  'BFF.UPSTREAM_UNREACHABLE',
  'BFF.UPSTREAM_UNAVAILABLE',
  'BFF.IAM_TOKEN_FAILED',
  'BFF.INTERNAL',
] as const;

export type BffErrorCode = (typeof BFF_ERROR_CODES)[number];

export function isBffErrorCode(code: string): code is BffErrorCode {
  return (BFF_ERROR_CODES as readonly string[]).includes(code);
}

/**
 * Huawei Cloud API Gateway AK/SK signing, algorithm `SDK-HMAC-SHA256`: byte-for-byte what
 * `AKSKSigner.sign` of `@huaweicloud/huaweicloud-sdk-core` produces (locked by oracle tests in
 * src/bff/upstream/signing.test.ts). The BFF signs with it; the simulator verifies with it, exactly as
 * the gateway would. It uses Web Crypto only, so it has no Node dependency.
 *
 * Differences from AWS SigV4 worth knowing: no derived-key chain (the SK itself is the HMAC key),
 * the canonical URI always ends in `/`, and there is no region/service scope.
 */

export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';
/** Value of `X-Sdk-Content-Sha256` for bodies that are not hashed (multipart uploads). */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
/** The gateway rejects a request whose `X-Sdk-Date` is further than this from its clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
/** SHA-256 of no bytes, the payload hash of every request without a body (most of them: reads). */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface SignableRequest {
  method: string;
  /** Host as it will be sent (port included when not default), e.g. `cce.ap-southeast-1.myhuaweicloud.com`. */
  host: string;
  /** Raw path as it appears on the wire, e.g. `/autopilot/v3/projects/p1/clusters`. */
  path: string;
  /** Decoded query parameters; an array value yields one pair per element. */
  query: Record<string, string | readonly string[]>;
  /** Headers to sign (names any case). `host` and `X-Sdk-Date` are added by the signer. */
  headers: Record<string, string>;
  /** The exact body bytes that will be sent; empty or undefined for none. */
  body?: string | Uint8Array;
}

export interface AccessKeyPair {
  ak: string;
  sk: string;
}

const encoder = new TextEncoder();

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

async function hmacSha256Hex(key: string, data: string): Promise<string> {
  const cryptoKey = await crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hex(await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(data)));
}

/**
 * The two hash functions the signer needs. Web Crypto by default (no Node dependency here); the BFF
 * passes node:crypto's synchronous ones, which cost a few µs per signature instead of ≈100 µs of
 * async Web Crypto — the difference between meeting and missing the BFF's throughput budget.
 */
export interface SigningPrimitives {
  sha256Hex(data: string | Uint8Array): string | Promise<string>;
  hmacSha256Hex(key: string, data: string): string | Promise<string>;
}

export const webCryptoPrimitives: SigningPrimitives = { sha256Hex, hmacSha256Hex };

const UNRESERVED_ONLY = /^[A-Za-z0-9\-_.~]*$/;

/** RFC 3986 unreserved characters kept; everything else as UTF-8 `%XX`, upper-case hex. */
export function encodeRfc3986(value: string): string {
  // Ids, names and path words are unreserved throughout: returned as they are, without a byte walk (signing
  // encodes every path segment of every call, on the BFF's and the simulator's hot paths).
  if (UNRESERVED_ONLY.test(value)) return value;
  return Array.from(encoder.encode(value), (b) => {
    const c = String.fromCharCode(b);
    return /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}

/** `20260102T030405Z`: the basic ISO 8601 form the SDK sends in `X-Sdk-Date`. */
export function formatSdkDate(date: Date): string {
  // 2026-01-02T03:04:05.678Z, cut by position (every signature formats one).
  const iso = date.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** Parses the basic form `YYYYMMDDTHHmmssZ`; null when malformed. */
export function parseSdkDate(value: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return null;
  const date = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
  return Number.isNaN(date.getTime()) ? null : date;
}

function canonicalUri(path: string): string {
  const encoded = path.split('/').map(encodeRfc3986).join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

/** Decoded query parameters in the signer's form: one string, or an array for a repeated key. */
export function queryToSignable(search: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(search)) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[key] = [existing, value];
  }
  return out;
}

function canonicalQuery(query: SignableRequest['query']): string {
  const pairs: string[] = [];
  for (const key of Object.keys(query).sort()) {
    const value = query[key]!;
    const values = typeof value === 'string' ? [value] : [...value].sort();
    for (const v of values) pairs.push(`${encodeRfc3986(key)}=${encodeRfc3986(v)}`);
  }
  return pairs.join('&');
}

export interface SignatureParts {
  signedHeaders: string;
  signature: string;
}

/** Computes the signature over a request whose headers already include `host` and `X-Sdk-Date`. */
export async function computeSignature(
  request: Omit<SignableRequest, 'host'> & { sdkDate: string },
  sk: string,
  signedHeaderNames?: readonly string[],
  primitives: SigningPrimitives = webCryptoPrimitives,
): Promise<SignatureParts> {
  const lower = new Map<string, string>();
  for (const [name, value] of Object.entries(request.headers)) lower.set(name.toLowerCase(), value);
  const names = (signedHeaderNames ?? [...lower.keys()]).map((n) => n.toLowerCase()).sort();
  const canonicalHeaders = names.map((n) => `${n}:${lower.get(n) ?? ''}\n`).join('');
  const signedHeaders = names.join(';');
  const contentSha = lower.get('x-sdk-content-sha256');
  const payloadHash = contentSha ?? (request.body === undefined || request.body.length === 0 ? EMPTY_SHA256 : await primitives.sha256Hex(request.body));
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalUri(request.path),
    canonicalQuery(request.query),
    canonicalHeaders,
    signedHeaders,
    payloadHash,
  ].join('\n');
  const stringToSign = [SIGNING_ALGORITHM, request.sdkDate, await primitives.sha256Hex(canonicalRequest)].join('\n');
  return { signedHeaders, signature: await primitives.hmacSha256Hex(sk, stringToSign) };
}

/**
 * Signs a request. Returns the headers to send: the input headers (minus a multipart
 * `content-type`, which the HTTP client sets with its boundary, as the SDK does), `host`,
 * `X-Sdk-Date` and `Authorization`.
 */
export async function signRequest(
  request: SignableRequest,
  keys: AccessKeyPair,
  now: Date,
  primitives: SigningPrimitives = webCryptoPrimitives,
): Promise<Record<string, string>> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() === 'content-type' && value.includes('multipart/form-data')) continue;
    headers[name] = value;
  }
  const sdkDate = formatSdkDate(now);
  headers['X-Sdk-Date'] = sdkDate;
  headers.host = request.host;
  const { signedHeaders, signature } = await computeSignature({ ...request, headers, sdkDate }, keys.sk, undefined, primitives);
  headers.Authorization = `${SIGNING_ALGORITHM} Access=${keys.ak}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return headers;
}

export interface ParsedAuthorization {
  access: string;
  signedHeaders: string[];
  signature: string;
}

/** Parses `SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…`; null when malformed. */
export function parseAuthorization(value: string): ParsedAuthorization | null {
  const m = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(value.trim());
  if (!m) return null;
  return { access: m[1]!, signedHeaders: m[2]!.split(';'), signature: m[3]! };
}

/** Constant-time comparison of two hex signatures. */
export function signaturesEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
